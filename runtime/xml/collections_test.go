package xml

import (
	"reflect"
	"testing"
	"time"
)

type structureListMember struct{ A, B *string }

type xmlLists struct {
	StringList                       []string
	IntegerList                      []int32
	BooleanList                      []bool
	TimestampList                    []time.Time
	EnumList                         []string
	NestedStringList                 [][]string
	RenamedListMembers               []string
	FlattenedList                    []string
	FlattenedList2                   []string
	FlattenedListWithMemberNamespace []string
	StructureList                    []structureListMember
	FlattenedStructureList           []structureListMember
	Empty                            []string
}

func decodeStructureListMember(d *Decoder, v *structureListMember) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "value":
			v.A, err = d.StrPtr()
		case "other":
			v.B, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeStringList(d *Decoder, v *[]string) error { return List(d, v, "member", ReadStr) }

func decodeXmlLists(d *Decoder, v *xmlLists) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "stringList":
			err = List(d, &v.StringList, "member", ReadStr)
		case "integerList":
			err = List(d, &v.IntegerList, "member", ReadInt[int32])
		case "booleanList":
			err = List(d, &v.BooleanList, "member", ReadBool)
		case "timestampList":
			err = List(d, &v.TimestampList, "member", ReadDateTime)
		case "enumList":
			err = List(d, &v.EnumList, "member", ReadEnum[string])
		case "nestedStringList":
			err = List(d, &v.NestedStringList, "member", decodeStringList)
		case "renamed":
			err = List(d, &v.RenamedListMembers, "item", ReadStr)
		case "flattenedList":
			err = Append(d, &v.FlattenedList, ReadStr)
		case "customName":
			err = Append(d, &v.FlattenedList2, ReadStr)
		case "flattenedListWithMemberNamespace":
			err = Append(d, &v.FlattenedListWithMemberNamespace, ReadStr)
		case "myStructureList":
			err = List(d, &v.StructureList, "item", decodeStructureListMember)
		case "flattenedStructureList":
			err = Append(d, &v.FlattenedStructureList, decodeStructureListMember)
		case "empty":
			err = List(d, &v.Empty, "member", ReadStr)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func TestLists(t *testing.T) {
	body := `<XmlListsResponse>
    <stringList><member>foo</member><member>bar</member></stringList>
    <integerList><member>1</member><member>2</member></integerList>
    <booleanList><member>true</member><member>false</member></booleanList>
    <timestampList><member>2014-04-29T18:30:38Z</member><member>2014-04-29T18:30:38Z</member></timestampList>
    <enumList><member>Foo</member><member>0</member></enumList>
    <nestedStringList>
        <member><member>foo</member><member>bar</member></member>
        <member><member>baz</member><member>qux</member></member>
    </nestedStringList>
    <renamed><item>foo</item><unknown>x</unknown><item>bar</item></renamed>
    <flattenedList>hi</flattenedList>
    <flattenedList>bye</flattenedList>
    <customName>yep</customName>
    <customName>nope</customName>
    <flattenedListWithMemberNamespace xmlns="https://xml-member.example.com">a</flattenedListWithMemberNamespace>
    <flattenedListWithMemberNamespace xmlns="https://xml-member.example.com">b</flattenedListWithMemberNamespace>
    <myStructureList>
        <item><value>1</value><other>2</other></item>
        <item><value>3</value><other>4</other></item>
    </myStructureList>
    <flattenedStructureList><value>5</value><other>6</other></flattenedStructureList>
    <flattenedStructureList><value>7</value><other>8</other></flattenedStructureList>
    <empty/>
</XmlListsResponse>`
	var v xmlLists
	if err := DecodeBody([]byte(body), &v, decodeXmlLists); err != nil {
		t.Fatal(err)
	}
	ts := time.Unix(1398796238, 0).UTC()
	s := func(v string) *string { return &v }
	want := xmlLists{
		StringList:                       []string{"foo", "bar"},
		IntegerList:                      []int32{1, 2},
		BooleanList:                      []bool{true, false},
		TimestampList:                    []time.Time{ts, ts},
		EnumList:                         []string{"Foo", "0"},
		NestedStringList:                 [][]string{{"foo", "bar"}, {"baz", "qux"}},
		RenamedListMembers:               []string{"foo", "bar"},
		FlattenedList:                    []string{"hi", "bye"},
		FlattenedList2:                   []string{"yep", "nope"},
		FlattenedListWithMemberNamespace: []string{"a", "b"},
		StructureList:                    []structureListMember{{s("1"), s("2")}, {s("3"), s("4")}},
		FlattenedStructureList:           []structureListMember{{s("5"), s("6")}, {s("7"), s("8")}},
		Empty:                            []string{},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got  %+v\nwant %+v", v, want)
	}
}

type xmlMaps struct {
	MyMap      map[string]structureListMember
	Renamed    map[string]string
	Flat       map[string]string
	FlatNS     map[string]string
	Nested     map[string]map[string]string
	FlatNested map[string]map[string]string
	Empty      map[string]string
	Absent     map[string]string
}

func decodeStringMap(d *Decoder, v *map[string]string) error {
	return Map(d, v, "key", "value", ReadStr)
}

func decodeXmlMaps(d *Decoder, v *xmlMaps) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "myMap":
			err = Map(d, &v.MyMap, "key", "value", decodeStructureListMember)
		case "renamed":
			err = Map(d, &v.Renamed, "Attribute", "Setting", ReadStr)
		case "flat":
			err = MapEntry(d, &v.Flat, "key", "value", ReadStr)
		case "KVP":
			err = MapEntry(d, &v.FlatNS, "K", "V", ReadStr)
		case "nestedMap":
			err = Map(d, &v.Nested, "key", "value", decodeStringMap)
		case "flatNestedMap":
			err = MapEntry(d, &v.FlatNested, "key", "value", decodeStringMap)
		case "empty":
			err = Map(d, &v.Empty, "key", "value", ReadStr)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func TestMaps(t *testing.T) {
	body := `<XmlMapsResponse>
    <myMap>
        <entry><key>foo</key><value><value>there</value></value></entry>
        <entry><value><value>hi</value></value><key>baz</key></entry>
        <other/>
    </myMap>
    <renamed><entry><Attribute>a</Attribute><Setting>A</Setting></entry></renamed>
    <flat><key>foo</key><value>Foo</value></flat>
    <flat><key>baz</key><value>Baz</value></flat>
    <flat><value>no key</value></flat>
    <KVP xmlns="https://the-member.example.com">
        <K xmlns="https://the-key.example.com">a</K>
        <V xmlns="https://the-value.example.com">A</V>
    </KVP>
    <nestedMap><entry><key>foo</key><value><entry><key>bar</key><value>Bar</value></entry></value></entry></nestedMap>
    <flatNestedMap><key>foo</key><value><entry><key>bar</key><value>Bar</value></entry></value></flatNestedMap>
    <empty/>
</XmlMapsResponse>`
	var v xmlMaps
	if err := DecodeBody([]byte(body), &v, decodeXmlMaps); err != nil {
		t.Fatal(err)
	}
	s := func(v string) *string { return &v }
	want := xmlMaps{
		MyMap:      map[string]structureListMember{"foo": {A: s("there")}, "baz": {A: s("hi")}},
		Renamed:    map[string]string{"a": "A"},
		Flat:       map[string]string{"foo": "Foo", "baz": "Baz"},
		FlatNS:     map[string]string{"a": "A"},
		Nested:     map[string]map[string]string{"foo": {"bar": "Bar"}},
		FlatNested: map[string]map[string]string{"foo": {"bar": "Bar"}},
		Empty:      map[string]string{},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got  %+v\nwant %+v", v, want)
	}
}

type attributes struct {
	Foo  *string
	Attr *string
	Num  *int32
}

func TestAttributesOfAStructure(t *testing.T) {
	body := `<XmlAttributesResponse test="&lt;test&amp;mock&gt;" n="7"><foo>hi</foo></XmlAttributesResponse>`
	var v attributes
	err := DecodeBody([]byte(body), &v, func(d *Decoder, v *attributes) error {
		if s, ok := d.Attr("test"); ok {
			v.Attr = &s
		}
		if s, ok := d.Attr("n"); ok {
			n, err := ParseInt[int32](s)
			if err != nil {
				return err
			}
			v.Num = &n
		}
		it := d.Children()
		var err error
		for err == nil && it.Next() {
			if string(d.Name()) == "foo" {
				v.Foo, err = d.StrPtr()
				continue
			}
			err = d.Skip()
		}
		return it.Done(err)
	})
	if err != nil {
		t.Fatal(err)
	}
	if *v.Foo != "hi" || *v.Attr != "<test&mock>" || *v.Num != 7 {
		t.Errorf("%q %q %d", *v.Foo, *v.Attr, *v.Num)
	}
}
