package idl

import "strings"

// preludeTable lists the shapes of the smithy.api prelude by type.
const preludeTable = `
string: String documentation AuthTraitReference TraitShapeId ClosureId CommonMark
  Identifier jsonName xmlName NonEmptyString mediaType resourceIdentifier since title
  EnumConstantBodyName pattern httpQuery httpHeader httpPrefixHeaders LocalMixinTrait
blob: Blob
bigInteger: BigInteger
bigDecimal: BigDecimal
timestamp: Timestamp
document: Document default enumValue
boolean: Boolean PrimitiveBoolean
byte: Byte PrimitiveByte
short: Short PrimitiveShort
integer: Integer PrimitiveInteger httpError
long: Long PrimitiveLong
float: Float PrimitiveFloat
double: Double PrimitiveDouble
structure: Unit trait TraitDiffRule deprecated box protocolDefinition authDefinition
  httpBasicAuth httpDigestAuth httpBearerAuth httpApiKeyAuth TraitValidator metadata
  ShapeClosure addedDefault clientOptional optionalAuth Example ExampleError retryable
  readonly idempotent idempotencyToken internal xmlAttribute xmlFlattened xmlNamespace
  noReplace Reference private sensitive streaming requiresLength longPoll EnumDefinition
  length range required property notProperty nestedProperties recommended sparse
  uniqueItems unstable paginated http httpLabel httpQueryParams httpPayload
  httpResponseCode cors eventPayload eventHeader idRef endpoint hostLabel
  httpChecksumRequired input output unitType mixin requestCompression
list: TraitDiffRules auth TraitShapeIdList ShapeClosures Namespaces examples
  IdempotentErrors references tags enum NonEmptyStringList suppress LocalMixinTraitList
  RequestCompressionEncodingsList
map: externalDocumentation traitValidators Renames NonEmptyStringMap
enum: TraitChangeType Severity StructurallyExclusive HttpApiKeyLocations error timestampFormat
`

// prelude maps each prelude shape name to its type.
var prelude = func() map[string]string {
	m := map[string]string{}
	kind := ""
	for _, f := range strings.Fields(preludeTable) {
		if k, ok := strings.CutSuffix(f, ":"); ok {
			kind = k
			continue
		}
		m[f] = kind
	}
	return m
}()
