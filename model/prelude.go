package model

// preludeSource defines the shapes every model may target: the smithy.api
// prelude and smithy.framework's standard validation error.
var preludeSource = &Source{Name: "<prelude>", version: "2.0", Data: []byte(`{"smithy":"2.0","shapes":{
"smithy.api#String":{"type":"string"},
"smithy.api#Blob":{"type":"blob"},
"smithy.api#BigInteger":{"type":"bigInteger"},
"smithy.api#BigDecimal":{"type":"bigDecimal"},
"smithy.api#Timestamp":{"type":"timestamp"},
"smithy.api#Document":{"type":"document"},
"smithy.api#Boolean":{"type":"boolean"},
"smithy.api#Byte":{"type":"byte"},
"smithy.api#Short":{"type":"short"},
"smithy.api#Integer":{"type":"integer"},
"smithy.api#Long":{"type":"long"},
"smithy.api#Float":{"type":"float"},
"smithy.api#Double":{"type":"double"},
"smithy.api#PrimitiveBoolean":{"type":"boolean","traits":{"smithy.api#default":false}},
"smithy.api#PrimitiveByte":{"type":"byte","traits":{"smithy.api#default":0}},
"smithy.api#PrimitiveShort":{"type":"short","traits":{"smithy.api#default":0}},
"smithy.api#PrimitiveInteger":{"type":"integer","traits":{"smithy.api#default":0}},
"smithy.api#PrimitiveLong":{"type":"long","traits":{"smithy.api#default":0}},
"smithy.api#PrimitiveFloat":{"type":"float","traits":{"smithy.api#default":0}},
"smithy.api#PrimitiveDouble":{"type":"double","traits":{"smithy.api#default":0}},
"smithy.api#Unit":{"type":"structure","traits":{"smithy.api#unitType":{}}},
"smithy.framework#ValidationException":{"type":"structure","members":{
  "message":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}},
  "fieldList":{"target":"smithy.framework#ValidationExceptionFieldList"}},
  "traits":{"smithy.api#error":"client"}},
"smithy.framework#ValidationExceptionFieldList":{"type":"list","member":{"target":"smithy.framework#ValidationExceptionField"}},
"smithy.framework#ValidationExceptionField":{"type":"structure","members":{
  "path":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}},
  "message":{"target":"smithy.api#String","traits":{"smithy.api#required":{}}}}}
}}`)}

// IsPrelude reports whether s is defined by the prelude.
func (s *Shape) IsPrelude() bool { return s.Pos.Src == preludeSource }

// IsUnit reports whether s is a unit type such as smithy.api#Unit: a
// structure that stands for no value.
func (s *Shape) IsUnit() bool { return s.Type == Structure && s.Traits.Has("smithy.api#unitType") }
