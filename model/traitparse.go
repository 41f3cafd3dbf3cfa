package model

import "github.com/tidwall/gjson"

// parse fills the typed fields of t from t.All. bad is called with the trait
// and a description of the expected JSON type when a value has the wrong shape.
func (t *Traits) parse(bad func(tr Trait, want string)) {
	for _, tr := range t.All {
		r := &traitReader{t: t, v: tr.Value}
		r.bad = func(want string) { bad(tr, want) }
		t.parseOne(tr.ID, r)
	}
}

func (t *Traits) parseOne(id string, r *traitReader) {
	v := r.v
	switch id {
	case "smithy.api#documentation":
		t.Documentation = r.str()
	case "smithy.api#required":
		t.Required = r.obj()
	case "smithy.api#clientOptional":
		t.ClientOptional = r.obj()
	case "smithy.api#default":
		t.Default = &v
	case "smithy.api#addedDefault":
		t.AddedDefault = r.obj()
	case "smithy.api#enumValue":
		if v.Type != gjson.String && v.Type != gjson.Number {
			r.bad("a string or an integer")
		}
		t.EnumValue = &v
	case "smithy.api#enum":
		t.parseEnum(r)
	case "smithy.api#length":
		t.Length = &Bounds{}
		r.boundsField(t.Length)
	case "smithy.api#range":
		t.Range = &Bounds{}
		r.boundsField(t.Range)
	case "smithy.api#pattern":
		p := r.str()
		t.Pattern = &p
	case "smithy.api#uniqueItems":
		t.UniqueItems = r.obj()
	case "smithy.api#sensitive":
		t.Sensitive = r.obj()
	case "smithy.api#deprecated":
		if r.obj() {
			t.Deprecated = &Deprecated{Message: r.strField("message"), Since: r.strField("since")}
		}
	case "smithy.api#error":
		t.Error = r.str()
		if t.Error != "client" && t.Error != "server" && t.Error != "" {
			r.bad(`"client" or "server"`)
		}
	case "smithy.api#httpError":
		if v.Type != gjson.Number {
			r.bad("an integer")
		}
		t.HTTPError = int(v.Num)
	case "smithy.api#retryable":
		if r.obj() {
			t.Retryable = &Retryable{Throttling: r.field("throttling", gjson.True).Bool()}
		}
	case "smithy.api#http":
		if r.obj() {
			t.HTTP = &HTTP{Method: r.strField("method"), URI: r.strField("uri"), Code: r.intField("code")}
			if t.HTTP.Code == 0 {
				t.HTTP.Code = 200
			}
		}
	case "smithy.api#httpLabel":
		t.HTTPLabel = r.obj()
	case "smithy.api#httpQuery":
		t.HTTPQuery = r.str()
	case "smithy.api#httpQueryParams":
		t.HTTPQueryParams = r.obj()
	case "smithy.api#httpHeader":
		t.HTTPHeader = r.str()
	case "smithy.api#httpPrefixHeaders":
		p := r.str()
		t.HTTPPrefixHeader = &p
	case "smithy.api#httpPayload":
		t.HTTPPayload = r.obj()
	case "smithy.api#httpResponseCode":
		t.HTTPResponseCode = r.obj()
	case "smithy.api#jsonName":
		t.JSONName = r.str()
	case "smithy.api#timestampFormat":
		t.TimestampFormat = r.str()
	case "smithy.api#mediaType":
		t.MediaType = r.str()
	case "smithy.api#idempotencyToken":
		t.IdempotencyToken = r.obj()
	case "smithy.api#paginated":
		if r.obj() {
			t.Paginated = &Paginated{InputToken: r.strField("inputToken"), OutputToken: r.strField("outputToken"),
				Items: r.strField("items"), PageSize: r.strField("pageSize")}
		}
	case "smithy.api#readonly":
		t.Readonly = r.obj()
	case "smithy.api#idempotent":
		t.Idempotent = r.obj()
	case "smithy.api#streaming":
		t.Streaming = r.obj()
	case "smithy.api#eventPayload":
		t.EventPayload = r.obj()
	case "smithy.api#endpoint":
		if r.obj() {
			t.Endpoint = &Endpoint{HostPrefix: r.strField("hostPrefix")}
		}
	case "smithy.api#hostLabel":
		t.HostLabel = r.obj()
	case "smithy.api#sparse":
		t.Sparse = r.obj()
	case "smithy.api#input":
		t.Input = r.obj()
	case "smithy.api#output":
		t.Output = r.obj()
	case "smithy.api#mixin":
		if r.obj() {
			t.Mixin = &MixinTrait{LocalTraits: r.strList("localTraits")}
		}
	case "smithy.api#title":
		t.Title = r.str()
	case "smithy.api#xmlName":
		t.XMLName = r.str()
	case "smithy.api#xmlFlattened":
		t.XMLFlattened = r.obj()
	case "smithy.api#xmlAttribute":
		t.XMLAttribute = r.obj()
	case "smithy.api#xmlNamespace":
		if r.obj() {
			t.XMLNamespace = &v
		}
	case "smithy.api#requestCompression":
		if r.obj() {
			t.RequestCompression = r.strList("encodings")
		}
	case "smithy.api#httpChecksumRequired":
		t.HTTPChecksumRequired = r.obj()
	case "aws.api#service":
		if r.obj() {
			t.AWSService = &AWSService{SDKID: r.strField("sdkId"), ArnNamespace: r.strField("arnNamespace"),
				CloudFormationName:    r.strField("cloudFormationName"),
				CloudTrailEventSource: r.strField("cloudTrailEventSource"), EndpointPrefix: r.strField("endpointPrefix")}
		}
	case "aws.auth#sigv4":
		if r.obj() {
			t.SigV4 = &SigV4{Name: r.strField("name")}
		}
	case "aws.protocols#awsQueryError":
		if r.obj() {
			t.AWSQueryError = &AWSQueryError{Code: r.strField("code"), HTTPResponseCode: r.intField("httpResponseCode")}
		}
	case "aws.protocols#ec2QueryName":
		t.EC2QueryName = r.str()
	case "smithy.rules#endpointRuleSet":
		t.EndpointRuleSet = &v
	case "smithy.rules#endpointTests":
		t.EndpointTests = &v
	default:
		if protocolTraits[id] && r.obj() {
			t.Protocols = append(t.Protocols, Protocol{ID: id, HTTP: r.strList("http"), EventStreamHTTP: r.strList("eventStreamHttp")})
		}
	}
}

func (t *Traits) parseEnum(r *traitReader) {
	if !r.v.IsArray() {
		r.bad("a list of enum definitions")
		return
	}
	for _, e := range r.v.Array() {
		er := &traitReader{v: e, bad: r.bad}
		if !er.obj() {
			return
		}
		t.Enum = append(t.Enum, EnumDefinition{Value: er.strField("value"), Name: er.strField("name"),
			Documentation: er.strField("documentation"), Deprecated: er.field("deprecated", gjson.True).Bool()})
	}
}
