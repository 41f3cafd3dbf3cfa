package fuzz

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/smithygen/smithygen/fuzz/gen/ec2"
	"github.com/smithygen/smithygen/fuzz/gen/iam"
)

// The XML protocols' response paths: awsQuery through the IAM client,
// ec2Query through the client of Smithy's ec2Query protocol test service
// (the shared models have no ec2Query service).

func iamClient(resp response) *iam.Client {
	return iam.New(iam.Options{Region: "us-east-1", Credentials: creds, HTTPClient: &fakeHTTP{resp}, RetryMaxAttempts: 1})
}

func ec2Client(resp response) *ec2.Client {
	return ec2.New(ec2.Options{Region: "us-east-1", BaseEndpoint: aws.String("https://ec2.example.com"),
		Credentials: creds, HTTPClient: &fakeHTTP{resp}, RetryMaxAttempts: 1})
}

var iamCalls = []call{
	func(ctx context.Context, r response) (any, error) {
		return iamClient(r).ListRoles(ctx, &iam.ListRolesInput{})
	},
	func(ctx context.Context, r response) (any, error) {
		return iamClient(r).GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("r")})
	},
	func(ctx context.Context, r response) (any, error) {
		return iamClient(r).ListRoleTags(ctx, &iam.ListRoleTagsInput{RoleName: aws.String("r")})
	},
}

var ec2Calls = []call{
	func(ctx context.Context, r response) (any, error) {
		return ec2Client(r).XmlLists(ctx, &ec2.XmlListsInput{})
	},
	func(ctx context.Context, r response) (any, error) {
		return ec2Client(r).RecursiveXmlShapes(ctx, &ec2.RecursiveXmlShapesInput{})
	},
	func(ctx context.Context, r response) (any, error) {
		return ec2Client(r).GreetingWithErrors(ctx, &ec2.GreetingWithErrorsInput{})
	},
	func(ctx context.Context, r response) (any, error) {
		return ec2Client(r).SimpleScalarXmlProperties(ctx, &ec2.SimpleScalarXmlPropertiesInput{})
	},
}

// xmlSeeds are XML response bodies of the query protocols.
func xmlSeeds(f *testing.F) {
	for _, s := range []struct {
		status int
		body   string
	}{
		{200, `<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListRolesResult><IsTruncated>true</IsTruncated><Marker>m</Marker><Roles><member><RoleName>r</RoleName><Arn>arn:aws:iam::1:role/r</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate><Tags><member><Key>k</Key><Value>v</Value></member></Tags></member></Roles></ListRolesResult><ResponseMetadata><RequestId>id</RequestId></ResponseMetadata></ListRolesResponse>`},
		{400, `<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>no</Message></Error><RequestId>id</RequestId></ErrorResponse>`},
		{200, `<XmlListsResponse><stringList><member>a</member></stringList><nestedStringList><member><member>x</member></member></nestedStringList><requestId>r</requestId></XmlListsResponse>`},
		{200, `<RecursiveXmlShapesResponse><nested><foo>a</foo><nested><bar>b</bar><recursiveMember><foo>c</foo></recursiveMember></nested></nested></RecursiveXmlShapesResponse>`},
		{400, `<Response><Errors><Error><Code>InvalidGreeting</Code><Message>Hi</Message></Error></Errors><RequestID>id</RequestID></Response>`},
		{200, `<SimpleScalarXmlPropertiesResponse><stringValue>s</stringValue><trueBooleanValue>true</trueBooleanValue><byteValue>1</byteValue><floatValue>NaN</floatValue><doubleValue>-Infinity</doubleValue></SimpleScalarXmlPropertiesResponse>`},
		{200, `<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>`},
		{503, `<html><body>Service Unavailable</body></html>`},
	} {
		for op := range 4 {
			f.Add(uint16(s.status), "Content-Type: text/xml", []byte(s.body), uint8(op))
		}
	}
}

func fuzzXMLClient(f *testing.F, calls []call) {
	xmlSeeds(f)
	f.Fuzz(func(t *testing.T, status uint16, header string, body []byte, op uint8) {
		resp := response{status: 100 + int(status)%500, header: parseHeader(header), body: body}
		checkCall(t, calls[int(op)%len(calls)], resp)
	})
}

// FuzzIAM drives the awsQuery client with fuzzed responses.
func FuzzIAM(f *testing.F) { fuzzXMLClient(f, iamCalls) }

// FuzzEC2 drives the ec2Query client with fuzzed responses.
func FuzzEC2(f *testing.F) { fuzzXMLClient(f, ec2Calls) }
