package cleanroomsml

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"

	"github.com/smithygen/smithygen/generated/cleanroomsml/types"
)

// constructors build a client for a test server in both supported ways.
var constructors = []struct {
	name  string
	build func(s *fakeService) *Client
}{
	{"New", func(s *fakeService) *Client { return s.client() }},
	{"NewFromConfig", func(s *fakeService) *Client {
		return NewFromConfig(aws.Config{
			Region:       "us-east-1",
			BaseEndpoint: aws.String(s.URL),
			Credentials:  staticCredentials(),
			HTTPClient:   s.Client(),
			Retryer:      fastRetryer,
		})
	}},
}

// pageToken needs escaping in a query string.
const pageToken = "tok/en+with=&?é"

func TestListTrainedModelsRequest(t *testing.T) {
	for _, ctor := range constructors {
		t.Run(ctor.name, func(t *testing.T) {
			s := newFakeService(t, reply(200, `{"trainedModels":[]}`))
			in := validInput()
			in.MaxResults, in.NextToken = aws.Int32(25), aws.String(pageToken)
			if _, err := ctor.build(s).ListTrainedModels(context.Background(), in); err != nil {
				t.Fatal(err)
			}
			if n := s.hits(); n != 1 {
				t.Fatalf("server hits = %d, want 1", n)
			}
			r := s.request(t, 0)
			checkRequestLine(t, r)
			checkNoBody(t, r)
			checkSignature(t, r)
		})
	}
}

func checkRequestLine(t *testing.T, r received) {
	t.Helper()
	if r.Method != "GET" {
		t.Errorf("method = %s, want GET", r.Method)
	}
	if got, want := r.URL.EscapedPath(), "/memberships/"+testMembership+"/trained-models"; got != want {
		t.Errorf("path = %s, want %s", got, want)
	}
	q := r.URL.Query()
	if got := q["maxResults"]; !reflect.DeepEqual(got, []string{"25"}) {
		t.Errorf("maxResults = %q, want [25]", got)
	}
	if got := q["nextToken"]; !reflect.DeepEqual(got, []string{pageToken}) {
		t.Errorf("nextToken = %q, want [%q] (raw query %q)", got, pageToken, r.URL.RawQuery)
	}
	if len(q) != 2 {
		t.Errorf("query %q has %d keys, want 2", r.URL.RawQuery, len(q))
	}
}

func checkNoBody(t *testing.T, r received) {
	t.Helper()
	if len(r.Body) != 0 || r.ConLen > 0 {
		t.Errorf("body = %q (Content-Length %d), want none", r.Body, r.ConLen)
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		t.Errorf("Content-Type = %q on a request without body", ct)
	}
}

func checkSignature(t *testing.T, r received) {
	t.Helper()
	got := r.Header.Get("Authorization")
	a := parseAuthorization(t, got)
	akid, scope, _ := strings.Cut(a.credential, "/")
	if akid != testCredentials.AccessKeyID {
		t.Errorf("credential access key = %q, want %q", akid, testCredentials.AccessKeyID)
	}
	date := r.Header.Get("X-Amz-Date")
	if len(date) < 8 || scope != date[:8]+"/us-east-1/cleanrooms-ml/aws4_request" {
		t.Errorf("credential scope = %q, want %.8s/us-east-1/cleanrooms-ml/aws4_request", scope, date)
	}
	for _, h := range []string{"host", "x-amz-date"} {
		if !strings.Contains(";"+a.signedHeaders+";", ";"+h+";") {
			t.Errorf("SignedHeaders %q lack %s", a.signedHeaders, h)
		}
	}
	if want := resign(t, r); got != want {
		t.Errorf("Authorization = %q,\nrecomputed    %q", got, want)
	}
	when, _ := time.Parse("20060102T150405Z", date)
	if d := time.Since(when); d < -time.Minute || d > time.Minute {
		t.Errorf("X-Amz-Date %s is %v away from now", date, d)
	}
}

// TestRegionNotFromEnvironment shows the client signs for its configured
// Region whatever the environment says.
func TestRegionNotFromEnvironment(t *testing.T) {
	t.Setenv("AWS_REGION", "eu-west-1")
	t.Setenv("AWS_DEFAULT_REGION", "eu-west-1")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDFROMENV")
	s := newFakeService(t, reply(200, `{"trainedModels":[]}`))
	if _, err := s.client().ListTrainedModels(context.Background(), validInput()); err != nil {
		t.Fatal(err)
	}
	checkSignature(t, s.request(t, 0))
}

const summariesBody = `{
  "nextToken": "page-2",
  "unknownTopLevel": {"nested": [1, 2, {"x": null}]},
  "trainedModels": [
    {
      "collaborationIdentifier": "c0ffee00-1111-4222-8333-444455556666",
      "configuredModelAlgorithmAssociationArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/configured-model-algorithm-association/a",
      "createTime": 1700000000.123,
      "membershipIdentifier": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      "name": "churn \"model\" \u00e9",
      "status": "ACTIVE",
      "trainedModelArn": "arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t",
      "updateTime": 1.7000001e9,
      "description": "first",
      "incrementalTrainingDataChannels": [
        {"channelName": "train", "modelName": "base", "versionIdentifier": "v1"},
        {"channelName": "extra", "modelName": "base2"}
      ],
      "versionIdentifier": "v2",
      "futureField": [true, false]
    },
    {
      "name": "second",
      "status": "SOMETHING_NEW",
      "createTime": 1700000200,
      "updateTime": 1700000300.000000001,
      "incrementalTrainingDataChannels": []
    }
  ]
}`

func TestListTrainedModelsDecodesSummaries(t *testing.T) {
	s := newFakeService(t, reply(200, summariesBody, "X-Amzn-Requestid", "req-decode"))
	out, err := s.client().ListTrainedModels(context.Background(), validInput())
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.NextToken); got != "page-2" {
		t.Errorf("NextToken = %q, want page-2", got)
	}
	if id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); id != "req-decode" {
		t.Errorf("request ID = %q, want req-decode", id)
	}
	if len(out.TrainedModels) != 2 {
		t.Fatalf("got %d trained models, want 2", len(out.TrainedModels))
	}
	checkTimes(t, out.TrainedModels[0], time.Unix(1700000000, 123000000), time.Unix(1700000100, 0))
	checkTimes(t, out.TrainedModels[1], time.Unix(1700000200, 0), time.Unix(1700000300, 1))
	want := []types.TrainedModelSummary{{
		CollaborationIdentifier:                aws.String("c0ffee00-1111-4222-8333-444455556666"),
		ConfiguredModelAlgorithmAssociationArn: aws.String("arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/configured-model-algorithm-association/a"),
		MembershipIdentifier:                   aws.String(testMembership),
		Name:                                   aws.String("churn \"model\" é"),
		Status:                                 types.TrainedModelStatusActive,
		TrainedModelArn:                        aws.String("arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/trained-model/t"),
		Description:                            aws.String("first"),
		IncrementalTrainingDataChannels: []types.IncrementalTrainingDataChannelOutput{
			{ChannelName: aws.String("train"), ModelName: aws.String("base"), VersionIdentifier: aws.String("v1")},
			{ChannelName: aws.String("extra"), ModelName: aws.String("base2")},
		},
		VersionIdentifier: aws.String("v2"),
	}, {
		// Required members the response leaves out read as their zero
		// values (Smithy's client error correction).
		CollaborationIdentifier:                aws.String(""),
		ConfiguredModelAlgorithmAssociationArn: aws.String(""),
		MembershipIdentifier:                   aws.String(""),
		Name:                                   aws.String("second"),
		Status:                                 types.TrainedModelStatus("SOMETHING_NEW"),
		TrainedModelArn:                        aws.String(""),
		IncrementalTrainingDataChannels:        []types.IncrementalTrainingDataChannelOutput{},
	}}
	for i := range want {
		got := out.TrainedModels[i]
		got.CreateTime, got.UpdateTime = nil, nil
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("trained model %d =\n%s\nwant\n%s", i, dump(got), dump(want[i]))
		}
	}
}

func checkTimes(t *testing.T, m types.TrainedModelSummary, create, update time.Time) {
	t.Helper()
	if m.CreateTime == nil || !m.CreateTime.Equal(create) {
		t.Errorf("CreateTime = %v, want %v", m.CreateTime, create.UTC())
	}
	if m.UpdateTime == nil || !m.UpdateTime.Equal(update) {
		t.Errorf("UpdateTime = %v, want %v", m.UpdateTime, update.UTC())
	}
	for _, tm := range []*time.Time{m.CreateTime, m.UpdateTime} {
		if tm != nil && tm.Location() != time.UTC {
			t.Errorf("timestamp %v is not in UTC", tm)
		}
	}
}

// dump prints a summary with its pointers dereferenced.
func dump(m types.TrainedModelSummary) string {
	b, err := json.MarshalIndent(m, "  ", "  ")
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func TestListTrainedModelsEmptyBody(t *testing.T) {
	s := newFakeService(t, reply(200, ""))
	out, err := s.client().ListTrainedModels(context.Background(), validInput())
	if err != nil {
		t.Fatalf("empty 200 body: %v", err)
	}
	// TrainedModels is required: error correction makes it empty, not nil.
	if out.TrainedModels == nil || len(out.TrainedModels) != 0 || out.NextToken != nil {
		t.Errorf("empty body decoded to models %v, token %v; want an empty list and no token", out.TrainedModels, out.NextToken)
	}
}
