package rules

import (
	"sort"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	rt "github.com/smithygen/smithygen/runtime/rules"
)

// Trait IDs of the operation-level parameter bindings.
const (
	ContextParamTrait           = "smithy.rules#contextParam"
	StaticContextParamsTrait    = "smithy.rules#staticContextParams"
	OperationContextParamsTrait = "smithy.rules#operationContextParams"
	ClientContextParamsTrait    = "smithy.rules#clientContextParams"
)

// BindingKind says where an operation takes a parameter's value from.
type BindingKind uint8

// Binding kinds, least specific first: a later kind overrides an earlier
// one for the same parameter.
const (
	FromInputPath BindingKind = iota // operationContextParams: Path over the input
	FromMember                       // contextParam: a top-level input member
	Static                           // staticContextParams: Value
)

// Binding binds a rule-set parameter to a value of an operation call.
type Binding struct {
	Param  *Param
	Kind   BindingKind
	Value  rt.Value           // Static
	Member *model.MemberShape // FromMember
	Path   *Path              // FromInputPath
	Pos    model.Pos
}

// Bindings returns the parameter bindings of op, least specific first and
// by parameter name within a kind.
func (rs *RuleSet) Bindings(op *model.Shape) ([]Binding, error) {
	c := &checker{svc: rs.Service}
	var out []Binding
	param := func(at gjson.Result, src *model.Source, name string) *Param {
		c.src = src
		p := rs.Param(name)
		if p == nil {
			c.errorf(at, "operation %s binds %q, which is not a rule-set parameter", op.ID, name)
		}
		return p
	}
	if t, ok := op.Traits.Get(OperationContextParamsTrait); ok {
		t.Value.ForEach(func(k, v gjson.Result) bool {
			p := param(k, t.Pos.Src, k.Str)
			pv := v.Get("path")
			if p == nil {
				return true
			}
			if pv.Type != gjson.String {
				c.errorf(v, "operationContextParams %s: path must be a string", k.Str)
				return true
			}
			path, err := ParsePath(pv.Str)
			if err != nil {
				c.errorf(pv, "operationContextParams %s: %v", k.Str, err)
				return true
			}
			out = append(out, Binding{Param: p, Kind: FromInputPath, Path: path, Pos: c.pos(pv)})
			return true
		})
	}
	if op.Input != nil {
		for _, m := range op.Input.Members {
			t, ok := m.Traits.Get(ContextParamTrait)
			if !ok {
				continue
			}
			name := t.Value.Get("name")
			if p := param(name, t.Pos.Src, name.Str); p != nil {
				if k := memberKind(m.Target); k != p.Kind {
					c.errorf(name, "member %s is bound to %s, a %s, but its target is a %s", m.ID(), p.Name, p.Kind, m.Target.Type)
				} else {
					out = append(out, Binding{Param: p, Kind: FromMember, Member: m, Pos: c.pos(name)})
				}
			}
		}
	}
	if t, ok := op.Traits.Get(StaticContextParamsTrait); ok {
		t.Value.ForEach(func(k, v gjson.Result) bool {
			if p := param(k, t.Pos.Src, k.Str); p != nil {
				val := c.literalValue(v.Get("value"), p.Kind, "staticContextParams "+k.Str)
				out = append(out, Binding{Param: p, Kind: Static, Value: val, Pos: c.pos(k)})
			}
			return true
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Param.Name < out[j].Param.Name
	})
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return out, nil
}

// memberKind is the parameter kind a member's target can bind to.
func memberKind(s *model.Shape) rt.Kind {
	switch s.Type {
	case model.String, model.Enum:
		return rt.String
	case model.Boolean:
		return rt.Bool
	case model.List, model.Set:
		if len(s.Members) == 1 && s.Members[0].Target != nil {
			if t := s.Members[0].Target.Type; t == model.String || t == model.Enum {
				return rt.StringArray
			}
		}
	}
	return rt.None
}

// ClientParam is a client context parameter: a rule-set parameter that
// clients expose as a configuration setting.
type ClientParam struct {
	Param *Param
	Doc   string
}

// ClientParams returns the client context parameters of svc, by name.
func (rs *RuleSet) ClientParams(svc *model.Shape) ([]ClientParam, error) {
	t, ok := svc.Traits.Get(ClientContextParamsTrait)
	if !ok {
		return nil, nil
	}
	c := &checker{svc: rs.Service, src: t.Pos.Src}
	var out []ClientParam
	t.Value.ForEach(func(k, v gjson.Result) bool {
		p := rs.Param(k.Str)
		switch {
		case p == nil:
			c.errorf(k, "clientContextParams names %q, which is not a rule-set parameter", k.Str)
		case (v.Get("type").Str == "boolean") != (p.Kind == rt.Bool):
			c.errorf(k, "clientContextParams %s is a %s, but the parameter is a %s", k.Str, v.Get("type").Str, p.Kind)
		default:
			out = append(out, ClientParam{Param: p, Doc: v.Get("documentation").Str})
		}
		return true
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Param.Name < out[j].Param.Name })
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	return out, nil
}
