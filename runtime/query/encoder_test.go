package query

import (
	"errors"
	"math"
	"math/big"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/smithy-go"

	"github.com/smithygen/smithygen/runtime/transport"
	"github.com/smithygen/smithygen/runtime/xml"
)

type greeting struct{ Hi *string }

func encodeGreeting(e *Encoder, v *greeting) {
	if v.Hi != nil {
		name := "hi"
		if e.EC2() {
			name = "Hi"
		}
		e.Str(name, *v.Hi)
	}
}

func s(v string) *string { return &v }

// The expected bodies are those of Smithy's awsQuery and ec2Query protocol
// tests, byte for byte.
func TestProtocolBodies(t *testing.T) {
	for _, c := range []struct {
		id    string
		ec2   bool
		write func(e *Encoder)
		want  string
	}{
		{"QueryLists", false, func(e *Encoder) {
			List(e, "ListArg", "member", false, []string{"foo", "bar", "baz"}, StrItem)
			List(e, "ComplexListArg", "member", false, []greeting{{s("hello")}, {s("hola")}}, encodeGreeting)
		}, "Action=QueryLists&Version=2020-01-08&ListArg.member.1=foo&ListArg.member.2=bar&ListArg.member.3=baz&ComplexListArg.member.1.hi=hello&ComplexListArg.member.2.hi=hola"},
		{"EmptyQueryLists", false, func(e *Encoder) {
			List(e, "ListArg", "member", false, []string{}, StrItem)
		}, "Action=QueryLists&Version=2020-01-08&ListArg="},
		{"FlattenedQueryLists", false, func(e *Encoder) {
			List(e, "FlattenedListArg", "member", true, []string{"A", "B"}, StrItem)
		}, "Action=QueryLists&Version=2020-01-08&FlattenedListArg.1=A&FlattenedListArg.2=B"},
		{"QueryListArgWithXmlNameMember", false, func(e *Encoder) {
			List(e, "ListArgWithXmlNameMember", "item", false, []string{"A", "B"}, StrItem)
		}, "Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.item.1=A&ListArgWithXmlNameMember.item.2=B"},
		{"QueryFlattenedListArgWithXmlName", false, func(e *Encoder) {
			List(e, "Hi", "item", true, []string{"A", "B"}, StrItem)
		}, "Action=QueryLists&Version=2020-01-08&Hi.1=A&Hi.2=B"},
		{"QueryNestedStructWithList", false, func(e *Encoder) {
			m := e.Push("NestedWithList")
			List(e, "ListArg", "member", false, []string{"A", "B"}, StrItem)
			e.Pop(m)
		}, "Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.member.1=A&NestedWithList.ListArg.member.2=B"},
		{"QuerySimpleQueryMaps", false, func(e *Encoder) {
			Map(e, "MapArg", "key", "value", false, map[string]string{"foo": "Foo", "bar": "Bar"}, StrItem)
		}, "Action=QueryMaps&Version=2020-01-08&MapArg.entry.1.key=bar&MapArg.entry.1.value=Bar&MapArg.entry.2.key=foo&MapArg.entry.2.value=Foo"},
		{"QueryComplexQueryMaps", false, func(e *Encoder) {
			Map(e, "ComplexMapArg", "key", "value", false, map[string]greeting{"foo": {s("Foo")}, "bar": {s("Bar")}}, encodeGreeting)
		}, "Action=QueryMaps&Version=2020-01-08&ComplexMapArg.entry.1.key=bar&ComplexMapArg.entry.1.value.hi=Bar&ComplexMapArg.entry.2.key=foo&ComplexMapArg.entry.2.value.hi=Foo"},
		{"QueryEmptyQueryMaps", false, func(e *Encoder) {
			Map(e, "MapArg", "key", "value", false, map[string]string{}, StrItem)
		}, "Action=QueryMaps&Version=2020-01-08"},
		{"QueryQueryMapWithMemberXmlName", false, func(e *Encoder) {
			Map(e, "MapWithXmlMemberName", "K", "V", false, map[string]string{"foo": "Foo", "bar": "Bar"}, StrItem)
		}, "Action=QueryMaps&Version=2020-01-08&MapWithXmlMemberName.entry.1.K=bar&MapWithXmlMemberName.entry.1.V=Bar&MapWithXmlMemberName.entry.2.K=foo&MapWithXmlMemberName.entry.2.V=Foo"},
		{"QueryFlattenedQueryMapsWithXmlName", false, func(e *Encoder) {
			Map(e, "Hi", "K", "V", true, map[string]string{"foo": "Foo", "bar": "Bar"}, StrItem)
		}, "Action=QueryMaps&Version=2020-01-08&Hi.1.K=bar&Hi.1.V=Bar&Hi.2.K=foo&Hi.2.V=Foo"},
		{"QueryQueryMapOfLists", false, func(e *Encoder) {
			Map(e, "MapOfLists", "key", "value", false, map[string][]string{"foo": {"A", "B"}, "bar": {"C", "D"}},
				func(e *Encoder, v *[]string) { List(e, "", "member", false, *v, StrItem) })
		}, "Action=QueryMaps&Version=2020-01-08&MapOfLists.entry.1.key=bar&MapOfLists.entry.1.value.member.1=C&MapOfLists.entry.1.value.member.2=D&MapOfLists.entry.2.key=foo&MapOfLists.entry.2.value.member.1=A&MapOfLists.entry.2.value.member.2=B"},
		{"QueryNestedStructWithMap", false, func(e *Encoder) {
			m := e.Push("NestedStructWithMap")
			Map(e, "MapArg", "key", "value", false, map[string]string{"foo": "Foo", "bar": "Bar"}, StrItem)
			e.Pop(m)
		}, "Action=QueryMaps&Version=2020-01-08&NestedStructWithMap.MapArg.entry.1.key=bar&NestedStructWithMap.MapArg.entry.1.value=Bar&NestedStructWithMap.MapArg.entry.2.key=foo&NestedStructWithMap.MapArg.entry.2.value=Foo"},
		{"QuerySimpleInputParamsStrings", false, func(e *Encoder) { e.Str("Foo", "val1"); e.Str("Bar", "val2") },
			"Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Bar=val2"},
		{"QuerySimpleInputParamsStringAndBooleanTrue", false, func(e *Encoder) { e.Str("Foo", "val1"); e.Bool("Baz", true) },
			"Action=SimpleInputParams&Version=2020-01-08&Foo=val1&Baz=true"},
		{"QuerySimpleInputParamsInteger", false, func(e *Encoder) { e.Int("Bam", 10) },
			"Action=SimpleInputParams&Version=2020-01-08&Bam=10"},
		{"QuerySimpleInputParamsFloat", false, func(e *Encoder) { e.Float("Boo", 10.8, 64) },
			"Action=SimpleInputParams&Version=2020-01-08&Boo=10.8"},
		{"QuerySimpleInputParamsBlob", false, func(e *Encoder) { e.Blob("Qux", []byte("value")) },
			"Action=SimpleInputParams&Version=2020-01-08&Qux=dmFsdWU%3D"},
		{"AwsQuerySupportsNaNFloatInputs", false, func(e *Encoder) { e.Float("FloatValue", math.NaN(), 32); e.Float("Boo", math.NaN(), 64) },
			"Action=SimpleInputParams&Version=2020-01-08&FloatValue=NaN&Boo=NaN"},
		{"AwsQuerySupportsInfinityFloatInputs", false, func(e *Encoder) { e.Float("FloatValue", math.Inf(1), 32); e.Float("Boo", math.Inf(1), 64) },
			"Action=SimpleInputParams&Version=2020-01-08&FloatValue=Infinity&Boo=Infinity"},
		{"AwsQuerySupportsNegativeInfinityFloatInputs", false, func(e *Encoder) { e.Float("FloatValue", math.Inf(-1), 32); e.Float("Boo", math.Inf(-1), 64) },
			"Action=SimpleInputParams&Version=2020-01-08&FloatValue=-Infinity&Boo=-Infinity"},
		{"QueryTimestampsInput", false, func(e *Encoder) {
			ts := time.Unix(1422172800, 0)
			e.Time("normalFormat", ts, xml.DateTime)
			e.Time("epochMember", ts, xml.EpochSeconds)
			e.Time("epochTarget", ts, xml.EpochSeconds)
		}, "Action=QueryTimestamps&Version=2020-01-08&normalFormat=2015-01-25T08%3A00%3A00Z&epochMember=1422172800&epochTarget=1422172800"},
		{"NestedStructures", false, func(e *Encoder) {
			m := e.Push("Nested")
			e.Str("StringArg", "foo")
			e.Bool("OtherArg", true)
			r := e.Push("RecursiveArg")
			e.Str("StringArg", "baz")
			e.Pop(r)
			e.Pop(m)
		}, "Action=NestedStructures&Version=2020-01-08&Nested.StringArg=foo&Nested.OtherArg=true&Nested.RecursiveArg.StringArg=baz"},
		{"Ec2Lists", true, func(e *Encoder) {
			List(e, "ListArg", "member", false, []string{"foo", "bar", "baz"}, StrItem)
			List(e, "ComplexListArg", "member", false, []greeting{{s("hello")}, {s("hola")}}, encodeGreeting)
		}, "Action=QueryLists&Version=2020-01-08&ListArg.1=foo&ListArg.2=bar&ListArg.3=baz&ComplexListArg.1.Hi=hello&ComplexListArg.2.Hi=hola"},
		{"Ec2EmptyQueryLists", true, func(e *Encoder) { List(e, "ListArg", "member", false, []string{}, StrItem) },
			"Action=QueryLists&Version=2020-01-08"},
		{"Ec2ListArgWithXmlNameMember", true, func(e *Encoder) {
			List(e, "ListArgWithXmlNameMember", "item", false, []string{"A", "B"}, StrItem)
		}, "Action=QueryLists&Version=2020-01-08&ListArgWithXmlNameMember.1=A&ListArgWithXmlNameMember.2=B"},
		{"Ec2NestedStructWithList", true, func(e *Encoder) {
			m := e.Push("NestedWithList")
			List(e, "ListArg", "member", false, []string{"A", "B"}, StrItem)
			e.Pop(m)
		}, "Action=QueryLists&Version=2020-01-08&NestedWithList.ListArg.1=A&NestedWithList.ListArg.2=B"},
		{"Ec2QueryIdempotencyTokenAutoFill", true, func(e *Encoder) { e.Str("Token", "00000000-0000-4000-8000-000000000000") },
			"Action=QueryIdempotencyTokenAutoFill&Version=2020-01-08&Token=00000000-0000-4000-8000-000000000000"},
	} {
		form, err := url.ParseQuery(c.want)
		if err != nil {
			t.Fatal(err)
		}
		action := form.Get("Action")
		e := NewEncoder(action, "2020-01-08")
		if c.ec2 {
			e = NewEC2Encoder(action, "2020-01-08")
		}
		c.write(e)
		if got := string(e.Bytes()); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.id, got, c.want)
		}
	}
}

func TestEscaping(t *testing.T) {
	e := NewEncoder("Op", "1")
	in := "a b&c=d+e/f?g%h~i_j.k-l\u00e9\x00"
	e.Str("Key with space", in)
	e.BigInt("Big", new(big.Int).Lsh(big.NewInt(1), 70))
	e.BigFloat("Dec", big.NewFloat(1.5))
	e.BigFloat("Whole", big.NewFloat(3))
	v, err := url.ParseQuery(string(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Get("Key with space"); got != in {
		t.Errorf("round trip %q, want %q", got, in)
	}
	if v.Get("Big") != "1180591620717411303424" || v.Get("Dec") != "1.5e+00" || v.Get("Whole") != "3" {
		t.Errorf("big numbers %v", v)
	}
	// The escaping is url.QueryEscape's.
	if want := "Key+with+space=" + url.QueryEscape(in); string(e.Bytes()[len("Action=Op&Version=1&"):][:len(want)]) != want {
		t.Errorf("body %s, want it to start with %s", e.Bytes(), want)
	}
}

func TestSetBody(t *testing.T) {
	e := NewEncoder("Op", "2020-01-01")
	e.Str("A", "1")
	r := &transport.Request{Header: http.Header{}}
	if err := e.SetBody(r); err != nil || string(r.Body) != "Action=Op&Version=2020-01-01&A=1" || r.Header.Get("Content-Type") != ContentType {
		t.Errorf("%v %q %v", err, r.Body, r.Header)
	}
	e.UnknownMember("U")
	e.BigFloat("Inf", new(big.Float).SetInf(true))
	if err := e.SetBody(r); !errors.As(err, new(*smithy.SerializationError)) {
		t.Errorf("SetBody after a failure: %v", err)
	}
}

func TestNilCollections(t *testing.T) {
	e := NewEncoder("Op", "1")
	List[string](e, "L", "member", false, nil, StrItem)
	Map[string, string](e, "M", "key", "value", false, nil, StrItem)
	if string(e.Bytes()) != "Action=Op&Version=1" {
		t.Errorf("nil collections wrote %s", e.Bytes())
	}
}
