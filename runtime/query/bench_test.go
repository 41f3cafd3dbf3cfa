package query

import (
	"bytes"
	"fmt"
	"testing"

	awsquery "github.com/aws/aws-sdk-go-v2/aws/protocol/query"
)

type tag struct{ Key, Value *string }

func tags(n int) []tag {
	out := make([]tag, n)
	for i := range out {
		k, v := fmt.Sprintf("team:%d", i), fmt.Sprintf("value with spaces %d", i)
		out[i] = tag{&k, &v}
	}
	return out
}

func encodeTag(e *Encoder, v *tag) {
	if v.Key != nil {
		e.Str("Key", *v.Key)
	}
	if v.Value != nil {
		e.Str("Value", *v.Value)
	}
}

// BenchmarkTagRole encodes an IAM TagRole request with 1000 tags, against
// aws-sdk-go-v2's query encoder on the same input.
func BenchmarkTagRole(b *testing.B) {
	in := tags(1000)
	b.Run("runtime", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := NewEncoder("TagRole", "2010-05-08")
			e.Str("RoleName", "example-role")
			List(e, "Tags", "member", false, in, encodeTag)
			if len(e.Bytes()) == 0 {
				b.Fatal("empty body")
			}
		}
	})
	b.Run("aws-sdk-go-v2", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var buf bytes.Buffer
			e := awsquery.NewEncoder(&buf)
			e.Object().Key("Action").String("TagRole")
			e.Object().Key("Version").String("2010-05-08")
			o := e.Object()
			o.Key("RoleName").String("example-role")
			list := o.Key("Tags").Array("member")
			for i := range in {
				t := list.Value().Object()
				t.Key("Key").String(*in[i].Key)
				t.Key("Value").String(*in[i].Value)
			}
			if err := e.Encode(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
