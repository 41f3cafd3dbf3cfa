package botocore_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
)

// TestSameExportedAPI generates each service of models/botocore from its
// botocore JSON and from its Smithy JSON and compares the exported API of
// every generated file, documentation aside. An entry only one side has
// must come from a shape, member, enum value, operation or paginator that
// only that side's model file has; those are listed.
func TestSameExportedAPI(t *testing.T) {
	_, ps := pairs(t)
	for _, p := range ps {
		t.Run(p.name, func(t *testing.T) {
			smithyList, err := listing(p.smithy.files)
			if err != nil {
				t.Fatal(err)
			}
			botoList, err := listing(p.boto.files)
			if err != nil {
				t.Fatal(err)
			}
			cmp := &comparison{sm: smithyRaw(p.smithy.model), bo: botocoreRaw(t, p.botocoreInput),
				smithyList: smithyList, botoList: botoList}
			cmp.fromSmithy = newAttribution(p.smithy.api, cmp.bo)
			cmp.fromBoto = newAttribution(p.boto.api, cmp.sm)
			keys := map[string]bool{}
			for k := range smithyList {
				keys[k] = true
			}
			for k := range botoList {
				keys[k] = true
			}
			var explained []string
			same := 0
			for _, k := range sortedSet(keys) {
				sv, inSmithy := smithyList[k]
				bv, inBoto := botoList[k]
				var why string
				switch {
				case inSmithy && inBoto && sv == bv:
					same++
					continue
				case inSmithy && inBoto:
					why = cmp.differs(k, sv, bv)
				case inSmithy:
					why = cmp.onlyOne(k, sv, cmp.fromSmithy, botoList)
				default:
					why = cmp.onlyOne(k, bv, cmp.fromBoto, smithyList)
				}
				if why == "" {
					t.Errorf("%s differs:\n\tfrom Smithy JSON: %s\n\tfrom botocore:    %s", k, orNone(sv, inSmithy), orNone(bv, inBoto))
					continue
				}
				explained = append(explained, k+": "+why)
			}
			if same < len(keys)/2 {
				t.Errorf("only %d of %d entries agree", same, len(keys))
			}
			t.Logf("%d entries agree; %d differ because the two files differ:\n\t%s", same, len(explained), strings.Join(explained, "\n\t"))
		})
	}
}

func orNone(desc string, ok bool) string {
	if !ok {
		return "(none)"
	}
	return desc
}

// comparison explains entries that differ by facts of the two model files.
type comparison struct {
	sm                   *smithyModel
	bo                   *botoRaw
	fromSmithy, fromBoto *attribution
	smithyList, botoList map[string]string
}

// onlyOne explains an entry only one side generates: an element only that
// side's file has, a union botocore states as a structure, or an enum
// constant the two sides name differently for the same value.
func (c *comparison) onlyOne(key, desc string, a *attribution, other map[string]string) string {
	if a == c.fromSmithy && endpointDecl(key) {
		return "endpoint resolution is generated from the Smithy JSON's endpoint rules, which service-2.json does not carry"
	}
	if a == c.fromSmithy && c.waiterDecl(key) {
		return "a waiter of the Smithy JSON, and botocore's snapshot has no waiters-2.json"
	}
	if why := a.explain(key); why != "" {
		return "only in one file: " + why
	}
	it, ok := a.lookup(key)
	if !ok {
		return ""
	}
	if it.unknownUnion {
		for _, u := range a.unions {
			if c.unionGap(u) == "" && a.other.hasShape(u) {
				return ""
			}
		}
		return "every union of this side is a structure in botocore or missing from the other file"
	}
	if why := c.unionGap(it.shape); why != "" {
		return why
	}
	if it.enumValue != "" && strings.HasPrefix(desc, "const ") {
		for k, d := range other {
			if d == desc && k != key {
				return "enum value " + it.enumValue + " is " + strings.TrimPrefix(k, "types.") + " on the other side: botocore enums have no member names"
			}
		}
	}
	return ""
}

// waiterDecl reports whether an API entry belongs to a waiter of the Smithy
// JSON (or is the APIClient interface of an operation that has waiters and
// no paginator) while the botocore snapshot has no waiters file.
func (c *comparison) waiterDecl(key string) bool {
	if c.bo.hasWaiters {
		return false
	}
	root, _, _ := strings.Cut(key, ".")
	for _, op := range c.sm.m.Shapes {
		t, ok := op.Traits.Get("smithy.waiters#waitable")
		if op.Type != model.Operation || !ok {
			continue
		}
		if root == op.Name()+"APIClient" {
			return true
		}
		found := false
		t.Value.ForEach(func(k, _ gjson.Result) bool {
			found = found || root == "New"+k.Str+"Waiter" || root == k.Str+"Waiter" || root == k.Str+"WaiterOptions"
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// endpointDecl reports whether an API entry belongs to endpoint resolution,
// which a client has only when its model has endpoint rules.
func endpointDecl(key string) bool {
	root, _, _ := strings.Cut(key, ".")
	switch root {
	case "EndpointParameters", "EndpointResolverOptions", "EndpointResolverV2", "NewDefaultEndpointResolverV2", "WithEndpointResolverV2":
		return true
	case "Options":
		return key == "Options.EndpointOptions" || key == "Options.EndpointResolverV2" || key == "Options.AccountIDEndpointMode"
	}
	return false
}

// differs explains an entry both sides generate differently: a union
// botocore states as a structure, or a member that is a pointer on one side
// only because botocore's boxing and the Smithy @default disagree.
func (c *comparison) differs(key, sv, bv string) string {
	it, ok := c.fromSmithy.lookup(key)
	if !ok {
		return ""
	}
	if why := c.unionGap(it.shape); why != "" {
		return why
	}
	if it.member == "" {
		return ""
	}
	m := c.sm.shape(it.shape).Member(it.member)
	if m == nil {
		return ""
	}
	if why := c.unionGap(m.Target.Name()); why != "" {
		return why
	}
	// botocore members are all optional, so pointers; the Smithy JSON holds
	// a member with a default (a Smithy 1.0 primitive) by value.
	if bv == "*"+sv && hasDefault(m) {
		return "the Smithy JSON gives the member a default; botocore's members are all optional"
	}
	return ""
}

// hasDefault reports whether m or its target has a non-null default.
func hasDefault(m *model.MemberShape) bool {
	for _, d := range []*gjson.Result{m.Traits.Default, m.Target.Traits.Default} {
		if d != nil && d.Type != gjson.Null {
			return true
		}
	}
	return false
}

// unionGap reports a shape that is a union in the Smithy JSON and a plain
// structure in botocore (a file without the "union" flag).
func (c *comparison) unionGap(shape string) string {
	s := c.sm.shape(shape)
	b := c.bo.shape(shape)
	if s != nil && s.Type == model.Union && b.Get("type").Str == "structure" && !b.Get("union").Bool() && !b.Get("eventstream").Bool() {
		return shape + ` is a union in the Smithy JSON and a structure without "union" in botocore`
	}
	return ""
}

// rawModel answers what a model file itself contains, independently of the
// loader under test.
type rawModel interface {
	hasShape(name string) bool
	hasMember(shape, member string) bool
	hasEnumValue(shape, value string) bool
	hasOperation(name string) bool
	paginated(op string) bool
}

// botoRaw reads a service-2.json and its paginators-1.json with gjson.
type botoRaw struct {
	svc, pag   gjson.Result
	hasWaiters bool // the snapshot has a waiters-2.json
}

func botocoreRaw(t *testing.T, path string) *botoRaw {
	svc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pag, _ := os.ReadFile(filepath.Join(filepath.Dir(path), "paginators-1.json"))
	_, err = os.Stat(filepath.Join(filepath.Dir(path), "waiters-2.json"))
	return &botoRaw{svc: gjson.ParseBytes(svc), pag: gjson.ParseBytes(pag), hasWaiters: err == nil}
}

func (b *botoRaw) shape(name string) gjson.Result { return b.svc.Get("shapes").Get(gjson.Escape(name)) }
func (b *botoRaw) hasShape(name string) bool      { return b.shape(name).Exists() }
func (b *botoRaw) hasMember(s, m string) bool {
	return b.shape(s).Get("members").Get(gjson.Escape(m)).Exists()
}

func (b *botoRaw) hasEnumValue(s, v string) bool {
	for _, e := range b.shape(s).Get("enum").Array() {
		if e.Str == v {
			return true
		}
	}
	return false
}

func (b *botoRaw) hasOperation(name string) bool {
	return b.svc.Get("operations").Get(gjson.Escape(name)).Exists()
}

func (b *botoRaw) paginated(op string) bool {
	return b.pag.Get("pagination").Get(gjson.Escape(op)).Exists()
}

// smithyModel answers from the loaded Smithy JSON model.
type smithyModel struct {
	m  *model.Model
	ns string
}

func smithyRaw(m *model.Model) *smithyModel {
	ns, _, _ := strings.Cut(m.Services()[0].ID, "#")
	return &smithyModel{m: m, ns: ns}
}

func (s *smithyModel) shape(name string) *model.Shape { return s.m.Shape(s.ns + "#" + name) }
func (s *smithyModel) hasShape(name string) bool      { return s.shape(name) != nil }
func (s *smithyModel) hasMember(sh, m string) bool {
	x := s.shape(sh)
	return x != nil && x.Member(m) != nil
}

func (s *smithyModel) hasEnumValue(sh, v string) bool {
	x := s.shape(sh)
	if x == nil {
		return false
	}
	for _, m := range x.Members {
		if ev := m.Traits.EnumValue; ev != nil && ev.String() == v || ev == nil && m.Name == v {
			return true
		}
	}
	for _, d := range x.Traits.Enum {
		if d.Value == v {
			return true
		}
	}
	return false
}

func (s *smithyModel) hasOperation(name string) bool {
	x := s.shape(name)
	return x != nil && x.Type == model.Operation
}

func (s *smithyModel) paginated(op string) bool {
	x := s.shape(op)
	return x != nil && x.Traits.Paginated != nil
}

// item is the model element a generated entry comes from.
type item struct {
	shape, member, enumValue string
	op                       string
	paginator                bool
	unknownUnion             bool // the unknown-member type all unions share
}

// attribution maps generated entries of one side to model elements and
// explains an entry by an element the other side's model file lacks.
type attribution struct {
	items  map[string]item
	other  rawModel
	unions []string // this side's union shapes
}

func newAttribution(api *model.API, other rawModel) *attribution {
	a := &attribution{items: map[string]item{}, other: other}
	for _, n := range append(append([]*model.Named(nil), api.Types...), api.Inputs...) {
		key := n.Name
		if n.Pkg == api.TypesPath {
			key = "types." + n.Name
		}
		shape := n.Shape.Name()
		a.items[key] = item{shape: shape}
		for _, f := range n.Fields {
			a.items[key+"."+f.Name] = item{shape: shape, member: f.Member.Name}
			if n.Kind == model.NamedUnion {
				a.items["types."+f.Name] = item{shape: shape, member: f.Member.Name}
			}
		}
		for _, v := range n.Values {
			a.items["types."+v.Name] = item{shape: shape, enumValue: v.Value}
		}
		if n.Kind == model.NamedUnion {
			a.unions = append(a.unions, shape)
			a.items["types."+n.UnknownMember] = item{unknownUnion: true}
		}
	}
	for _, op := range api.Operations {
		name := op.Shape.Name()
		for _, k := range []string{op.Name, "Client." + op.Name, "API." + op.Name} {
			a.items[k] = item{op: name}
		}
		for _, k := range []string{op.Name + "Paginator", op.Name + "PaginatorOptions", op.Name + "APIClient", "New" + op.Name + "Paginator"} {
			a.items[k] = item{op: name, paginator: true}
		}
	}
	return a
}

// lookup finds the element an entry comes from: the entry's own, else its
// enclosing declaration's.
func (a *attribution) lookup(key string) (item, bool) {
	it, ok := a.items[key]
	for k := key; !ok && strings.Contains(k, "."); {
		k = k[:strings.LastIndexByte(k, '.')]
		it, ok = a.items[k]
	}
	return it, ok
}

// explain returns why only this side generates key, or "" when the other
// side's model file has everything the entry comes from.
func (a *attribution) explain(key string) string {
	it, ok := a.lookup(key)
	if !ok {
		return ""
	}
	o := a.other
	switch {
	case it.op != "" && !o.hasOperation(it.op):
		return "operation " + it.op
	case it.op != "" && it.paginator && !o.paginated(it.op):
		return "pagination of " + it.op
	case it.op != "":
		return ""
	case !o.hasShape(it.shape):
		return "shape " + it.shape
	case it.member != "" && !o.hasMember(it.shape, it.member):
		return "member " + it.shape + "$" + it.member
	case it.enumValue != "" && !o.hasEnumValue(it.shape, it.enumValue):
		return "enum value " + it.shape + " " + it.enumValue
	}
	return ""
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
