package xml_test

import (
	"fmt"
	"sort"

	"github.com/smithygen/smithygen/runtime/xml"
)

// Bucket is an output shape with
//
//	@xmlAttribute @xmlName("xsi:type") Kind        (an attribute)
//	@xmlNamespace(prefix: "xsi", uri: "…")         (on the shape, for encoding)
//	Tags: TagList                                   (a wrapped list, members named "Tag")
//	@xmlFlattened @xmlName("Meta") Metadata: Map    (a flattened map, key "K", value "V")
type Bucket struct {
	Kind     *string
	Name     *string
	Tags     []Tag
	Metadata map[string]string
}

type Tag struct{ Key, Value *string }

// decodeDocBucket is what the restXml emitter generates for Bucket.
func decodeDocBucket(d *xml.Decoder, v *Bucket) error {
	if s, ok := d.Attr("xsi:type"); ok {
		v.Kind = &s
	}
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Name":
			v.Name, err = d.StrPtr()
		case "Tags":
			err = xml.List(d, &v.Tags, "Tag", decodeDocTag)
		case "Meta":
			err = xml.MapEntry(d, &v.Metadata, "K", "V", xml.ReadStr)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeDocTag(d *xml.Decoder, v *Tag) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Key":
			v.Key, err = d.StrPtr()
		case "Value":
			v.Value, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

// encodeDocBucket is what the emitter generates to write Bucket as the
// element name.
func encodeDocBucket(e *xml.Encoder, name string, v *Bucket) {
	e.Start(name)
	e.Namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
	if v.Kind != nil {
		e.Attr("xsi:type", *v.Kind)
	}
	if v.Name != nil {
		e.Start("Name")
		e.Str(*v.Name)
		e.End("Name")
	}
	if v.Tags != nil {
		e.Start("Tags")
		for i := range v.Tags {
			e.Start("Tag")
			if t := &v.Tags[i]; t.Key != nil {
				e.Start("Key")
				e.Str(*t.Key)
				e.End("Key")
			}
			e.End("Tag")
		}
		e.End("Tags")
	}
	keys := make([]string, 0, len(v.Metadata))
	for k := range v.Metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		e.Start("Meta")
		e.Start("K")
		e.Str(k)
		e.End("K")
		e.Start("V")
		e.Str(v.Metadata[k])
		e.End("V")
		e.End("Meta")
	}
	e.End(name)
}

func Example() {
	body := []byte(`<Bucket xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Standard">
  <Name>photos &amp; videos</Name>
  <Tags><Tag><Key>team</Key></Tag><Tag><Key>env</Key></Tag></Tags>
  <Meta><K>a</K><V>1</V></Meta>
  <Meta><K>b</K><V>2</V></Meta>
  <Unknown><Deep/></Unknown>
</Bucket>`)
	var v Bucket
	if err := xml.DecodeBody(body, &v, decodeDocBucket); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*v.Kind, *v.Name, *v.Tags[0].Key, *v.Tags[1].Key, v.Metadata)

	e := xml.NewEncoder()
	encodeDocBucket(e, "Bucket", &v)
	fmt.Println(string(e.Bytes()))
	// Output:
	// Standard photos & videos team env map[a:1 b:2]
	// <Bucket xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Standard"><Name>photos &amp; videos</Name><Tags><Tag><Key>team</Key></Tag><Tag><Key>env</Key></Tag></Tags><Meta><K>a</K><V>1</V></Meta><Meta><K>b</K><V>2</V></Meta></Bucket>
}
