package protocoltest

import "testing"

func TestXMLEqual(t *testing.T) {
	want := `<?xml version="1.0"?>
<R xmlns="urn:r" a="1" b="2">
    <!-- a comment -->
    <s>  text  </s>
    <m><k>x</k></m>
    <m><k>y</k></m>
    <e/>
</R>`
	for _, same := range []string{
		`<R b="2" a="1" xmlns="urn:r"><s>text</s><m><k>x</k></m><m><k>y</k></m><e></e></R>`,
		`<R xmlns="urn:r" a="1" b="2"><e/><m><k>y</k></m><s>text</s><m><k>x</k></m></R>`, // map entries in any order
	} {
		if err := XMLEqual([]byte(same), []byte(want)); err != nil {
			t.Errorf("%s: %v", same, err)
		}
	}
	for _, other := range []string{
		`<R xmlns="urn:r" a="1"><s>text</s><m><k>x</k></m><m><k>y</k></m><e/></R>`,             // attribute missing
		`<R xmlns="urn:other" a="1" b="2"><s>text</s><m><k>x</k></m><m><k>y</k></m><e/></R>`,   // namespace
		`<R xmlns="urn:r" a="1" b="2"><s>txt</s><m><k>x</k></m><m><k>y</k></m><e/></R>`,        // text
		`<R xmlns="urn:r" a="1" b="2"><s>text</s><m><k>x</k></m><e/></R>`,                      // element missing
		`<R xmlns="urn:r" a="1" b="2"><s>text</s><m><k>x</k></m><m><k>x</k></m><e/></R>`,       // duplicate instead
		`<p:R xmlns:p="urn:r" a="1" b="2"><s>text</s><m><k>x</k></m><m><k>y</k></m><e/></p:R>`, // prefix
		`<R xmlns="urn:r" a="1" b="2"><s>text</s>`,                                             // not XML
		``,
	} {
		if XMLEqual([]byte(other), []byte(want)) == nil {
			t.Errorf("%s equals", other)
		}
	}
}

func TestFormEqual(t *testing.T) {
	want := "Action=A\n&Version=1&List.member.1=a%20b&List.member.2=c&Empty="
	if err := FormEqual([]byte("Version=1&Empty=&List.member.2=c&Action=A&List.member.1=a+b"), []byte(want)); err != nil {
		t.Error(err)
	}
	for _, other := range []string{
		"Action=A&Version=1&List.member.1=a%20b&List.member.2=c",
		"Action=A&Version=1&List.member.1=c&List.member.2=a%20b&Empty=",
		"Action=A&Version=1&List.member.1=a%20b&List.member.2=c&Empty=&Extra=1",
		"Action=A&Version=1&List.member.1=a%20b&List.member.2=c&Empty=&Empty=",
		"Action=%zz",
	} {
		if FormEqual([]byte(other), []byte(want)) == nil {
			t.Errorf("%s equals", other)
		}
	}
}
