// Package protocols is the registry of the protocols clients are generated
// for. Adding a protocol is a package implementing emit.Protocol and one
// line in All.
package protocols

import (
	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates/emit"
	"github.com/smithygen/smithygen/templates/protocols/awsjson"
	"github.com/smithygen/smithygen/templates/protocols/awsquery"
	"github.com/smithygen/smithygen/templates/protocols/restjson1"
	"github.com/smithygen/smithygen/templates/protocols/restxml"
)

// All lists the supported protocols.
var All = []emit.Protocol{
	restjson1.Protocol{},
	awsjson.V1_0,
	awsjson.V1_1,
	restxml.Protocol{},
	awsquery.AWSQuery,
	awsquery.EC2Query,
}

// Lookup returns the protocol with the trait ID id, or nil.
func Lookup(id string) emit.Protocol {
	for _, p := range All {
		if p.ID() == id {
			return p
		}
	}
	return nil
}

// For returns the protocol a client of svc speaks: the first of the
// service's protocol traits, in model order, that is supported; nil when
// none is.
func For(svc *model.Shape) emit.Protocol {
	for _, t := range svc.Traits.Protocols {
		if p := Lookup(t.ID); p != nil {
			return p
		}
	}
	return nil
}
