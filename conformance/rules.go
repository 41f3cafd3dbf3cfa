package conformance

import (
	"encoding/json"
	"fmt"

	"github.com/tidwall/gjson"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/rules"
)

// EndpointRuleSources are the protocol test services whose cases assume the
// endpoint rules of the real service, by shape ID, with the file of
// ../shared/models/smithy that holds the real service (the same shape ID).
//
// AmazonS3's cases expect what S3's rule set resolves: the bucket in the
// host (virtual-hosted, the default), in the path when the client asks
// for path-style, dual-stack and Accelerate hosts, the endpoint of the
// case's region. The test model declares none of it, so the suite applies
// the real service's rule set and client context parameters, and the real
// operations' parameter bindings, to it.
var EndpointRuleSources = map[string]string{
	"com.amazonaws.s3#AmazonS3": "s3.json",
}

// EndpointTraits returns a Smithy JSON AST document that applies to the
// test service svc of closure c the endpoint traits of the service with the
// same shape ID in real (a JSON AST model): its endpointRuleSet and
// clientContextParams, and for every operation of c, the real operation's
// staticContextParams and operationContextParams and the contextParam
// traits of the real input's members of the same names, each unless the
// test model sets it already.
func EndpointTraits(c *model.Closure, real []byte) ([]byte, error) {
	svc := c.Service
	if !gjson.ValidBytes(real) {
		return nil, fmt.Errorf("%s: the real model is not JSON", svc.ID)
	}
	shapes := gjson.GetBytes(real, "shapes")
	shape := func(id string) gjson.Result { return shapes.Get(gjson.Escape(id)) }
	realSvc := shape(svc.ID)
	if !realSvc.Exists() {
		return nil, fmt.Errorf("the real model has no service %s", svc.ID)
	}
	applies := map[string]map[string]json.RawMessage{}
	apply := func(target string, have *model.Traits, from gjson.Result, ids ...string) {
		for _, id := range ids {
			v := from.Get("traits").Get(gjson.Escape(id))
			if _, ok := have.Get(id); ok || !v.Exists() {
				continue
			}
			if applies[target] == nil {
				applies[target] = map[string]json.RawMessage{}
			}
			applies[target][id] = json.RawMessage(v.Raw)
		}
	}
	if !realSvc.Get("traits").Get(gjson.Escape(rules.RuleSetTrait)).Exists() {
		return nil, fmt.Errorf("the real service %s has no endpoint rule set", svc.ID)
	}
	apply(svc.ID, &svc.Traits, realSvc, rules.RuleSetTrait, rules.ClientContextParamsTrait)
	for _, op := range c.Operations {
		realOp := shape(op.ID)
		if !realOp.Exists() {
			continue
		}
		apply(op.ID, &op.Traits, realOp, rules.StaticContextParamsTrait, rules.OperationContextParamsTrait)
		if op.Input == nil {
			continue
		}
		realIn := shape(realOp.Get("input.target").Str)
		for _, m := range op.Input.Members {
			apply(m.ID(), &m.Traits, realIn.Get("members").Get(gjson.Escape(m.Name)), rules.ContextParamTrait)
		}
	}
	doc := map[string]any{"smithy": "2.0", "shapes": map[string]any{}}
	for target, traits := range applies {
		doc["shapes"].(map[string]any)[target] = map[string]any{"type": "apply", "traits": traits}
	}
	return json.MarshalIndent(doc, "", "\t")
}
