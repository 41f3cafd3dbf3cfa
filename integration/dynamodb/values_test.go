package dynamodb_test

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"

	v2types "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb/types"
)

// av is an attribute value independent of the client that decoded it:
// Kind is the AttributeValue member ("S", "N", ..., "M") and V its value
// (string, []byte, bool, []string, [][]byte, []av or map[string]av).
type av struct {
	Kind string
	V    any
}

type item = map[string]av

func s(v string) av        { return av{"S", v} }
func n(v string) av        { return av{"N", v} }
func b(v ...byte) av       { return av{"B", v} }
func boolv(v bool) av      { return av{"BOOL", v} }
func null() av             { return av{"NULL", true} }
func l(v ...av) av         { return av{"L", v} }
func m(v map[string]av) av { return av{"M", v} }
func ss(v ...string) av    { return av{"SS", v} }
func ns(v ...string) av    { return av{"NS", v} }
func bs(v ...[]byte) av    { return av{"BS", v} }

// canonical sorts the members of sets, whose order DynamoDB does not keep.
func canonical(v av) av {
	switch x := v.V.(type) {
	case []string:
		c := slices.Clone(x)
		sort.Strings(c)
		return av{v.Kind, c}
	case [][]byte:
		c := slices.Clone(x)
		slices.SortFunc(c, bytes.Compare)
		return av{v.Kind, c}
	case []av:
		c := make([]av, len(x))
		for i := range x {
			c[i] = canonical(x[i])
		}
		return av{v.Kind, c}
	case map[string]av:
		return av{v.Kind, canonicalItem(x)}
	}
	return v
}

func canonicalItem(it item) item {
	out := make(item, len(it))
	for k, v := range it {
		out[k] = canonical(v)
	}
	return out
}

func (v av) String() string {
	switch x := v.V.(type) {
	case map[string]av:
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range x {
				if !yield(k) {
					return
				}
			}
		})
		var sb strings.Builder
		sb.WriteString("{M:")
		for _, k := range keys {
			fmt.Fprintf(&sb, " %s=%v", k, x[k])
		}
		return sb.String() + "}"
	}
	return fmt.Sprintf("{%s:%v}", v.Kind, v.V)
}

// toOurs and fromOurs convert to and from the generated client's types.
func toOurs(v av) types.AttributeValue {
	switch v.Kind {
	case "S":
		return &types.AttributeValueMemberS{Value: v.V.(string)}
	case "N":
		return &types.AttributeValueMemberN{Value: v.V.(string)}
	case "B":
		return &types.AttributeValueMemberB{Value: v.V.([]byte)}
	case "BOOL":
		return &types.AttributeValueMemberBOOL{Value: v.V.(bool)}
	case "NULL":
		return &types.AttributeValueMemberNULL{Value: v.V.(bool)}
	case "SS":
		return &types.AttributeValueMemberSS{Value: v.V.([]string)}
	case "NS":
		return &types.AttributeValueMemberNS{Value: v.V.([]string)}
	case "BS":
		return &types.AttributeValueMemberBS{Value: v.V.([][]byte)}
	case "L":
		var out []types.AttributeValue
		for _, e := range v.V.([]av) {
			out = append(out, toOurs(e))
		}
		return &types.AttributeValueMemberL{Value: out}
	case "M":
		return &types.AttributeValueMemberM{Value: itemToOurs(v.V.(map[string]av))}
	}
	panic("unknown kind " + v.Kind)
}

func itemToOurs(it item) map[string]types.AttributeValue {
	out := make(map[string]types.AttributeValue, len(it))
	for k, v := range it {
		out[k] = toOurs(v)
	}
	return out
}

func fromOurs(v types.AttributeValue) av {
	switch x := v.(type) {
	case *types.AttributeValueMemberS:
		return s(x.Value)
	case *types.AttributeValueMemberN:
		return n(x.Value)
	case *types.AttributeValueMemberB:
		return b(x.Value...)
	case *types.AttributeValueMemberBOOL:
		return boolv(x.Value)
	case *types.AttributeValueMemberNULL:
		return av{"NULL", x.Value}
	case *types.AttributeValueMemberSS:
		return ss(x.Value...)
	case *types.AttributeValueMemberNS:
		return ns(x.Value...)
	case *types.AttributeValueMemberBS:
		return bs(x.Value...)
	case *types.AttributeValueMemberL:
		out := []av{}
		for _, e := range x.Value {
			out = append(out, fromOurs(e))
		}
		return l(out...)
	case *types.AttributeValueMemberM:
		return m(itemFromOurs(x.Value))
	}
	return av{fmt.Sprintf("unexpected %T", v), nil}
}

func itemFromOurs(it map[string]types.AttributeValue) item {
	out := make(item, len(it))
	for k, v := range it {
		out[k] = fromOurs(v)
	}
	return out
}

// toV2 and fromV2 convert to and from aws-sdk-go-v2's types.
func toV2(v av) v2types.AttributeValue {
	switch v.Kind {
	case "S":
		return &v2types.AttributeValueMemberS{Value: v.V.(string)}
	case "N":
		return &v2types.AttributeValueMemberN{Value: v.V.(string)}
	case "B":
		return &v2types.AttributeValueMemberB{Value: v.V.([]byte)}
	case "BOOL":
		return &v2types.AttributeValueMemberBOOL{Value: v.V.(bool)}
	case "NULL":
		return &v2types.AttributeValueMemberNULL{Value: v.V.(bool)}
	case "SS":
		return &v2types.AttributeValueMemberSS{Value: v.V.([]string)}
	case "NS":
		return &v2types.AttributeValueMemberNS{Value: v.V.([]string)}
	case "BS":
		return &v2types.AttributeValueMemberBS{Value: v.V.([][]byte)}
	case "L":
		var out []v2types.AttributeValue
		for _, e := range v.V.([]av) {
			out = append(out, toV2(e))
		}
		return &v2types.AttributeValueMemberL{Value: out}
	case "M":
		return &v2types.AttributeValueMemberM{Value: itemToV2(v.V.(map[string]av))}
	}
	panic("unknown kind " + v.Kind)
}

func itemToV2(it item) map[string]v2types.AttributeValue {
	out := make(map[string]v2types.AttributeValue, len(it))
	for k, v := range it {
		out[k] = toV2(v)
	}
	return out
}

func fromV2(v v2types.AttributeValue) av {
	switch x := v.(type) {
	case *v2types.AttributeValueMemberS:
		return s(x.Value)
	case *v2types.AttributeValueMemberN:
		return n(x.Value)
	case *v2types.AttributeValueMemberB:
		return b(x.Value...)
	case *v2types.AttributeValueMemberBOOL:
		return boolv(x.Value)
	case *v2types.AttributeValueMemberNULL:
		return av{"NULL", x.Value}
	case *v2types.AttributeValueMemberSS:
		return ss(x.Value...)
	case *v2types.AttributeValueMemberNS:
		return ns(x.Value...)
	case *v2types.AttributeValueMemberBS:
		return bs(x.Value...)
	case *v2types.AttributeValueMemberL:
		out := []av{}
		for _, e := range x.Value {
			out = append(out, fromV2(e))
		}
		return l(out...)
	case *v2types.AttributeValueMemberM:
		return m(itemFromV2(x.Value))
	}
	return av{fmt.Sprintf("unexpected %T", v), nil}
}

func itemFromV2(it map[string]v2types.AttributeValue) item {
	out := make(item, len(it))
	for k, v := range it {
		out[k] = fromV2(v)
	}
	return out
}
