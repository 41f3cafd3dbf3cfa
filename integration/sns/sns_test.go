package snsintegration

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/Admiral-Piett/goaws/app/servertest"
	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/smithy-go"
	log "github.com/sirupsen/logrus"

	sns "github.com/smithygen/smithygen/integration/sns/gen/sns"
)

// notifications records the SNS messages an HTTP subscriber receives.
type notifications struct {
	mu   sync.Mutex
	msgs map[string][]string // topic ARN → Message of each notification
}

func (n *notifications) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var m struct{ Type, TopicArn, Message string }
	b, _ := io.ReadAll(r.Body)
	if json.Unmarshal(b, &m) == nil && m.Type == "Notification" {
		n.mu.Lock()
		n.msgs[m.TopicArn] = append(n.msgs[m.TopicArn], m.Message)
		n.mu.Unlock()
	}
}

func (n *notifications) of(arn string) []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.msgs[arn])
}

// client is the sequence's view of an SNS client.
type client interface {
	createTopic(ctx context.Context, name string) (arn string, err error)
	subscribe(ctx context.Context, arn, endpoint string) (subscriptionArn string, err error)
	publish(ctx context.Context, arn, message string) (messageID string, err error)
	// listTopics lists the topic ARNs with the paginator.
	listTopics(ctx context.Context) ([]string, error)
}

// record is what a sequence observed.
type record struct {
	Topics        []string // ARNs created, sorted
	Listed        []string // ARNs listed that the sequence created, sorted
	Subscribed    bool     // the subscription ARN names the topic
	Delivered     []string // messages the subscriber received
	MessageIDs    int      // distinct message IDs
	MissingCode   string   // Publish to a topic that does not exist
	MissingIsHTTP bool     // that error is an API error of a 4xx response
}

func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// run creates topics named prefix-N, subscribes the subscriber to the
// first, publishes to it and lists the topics.
func run(t *testing.T, c client, prefix string, sub *notifications, subURL string) record {
	t.Helper()
	ctx := context.Background()
	var rec record
	for i := range 3 {
		arn, err := c.createTopic(ctx, fmt.Sprintf("%s-%d", prefix, i))
		if err != nil {
			t.Fatalf("CreateTopic: %v", err)
		}
		rec.Topics = append(rec.Topics, arn)
	}
	subArn, err := c.subscribe(ctx, rec.Topics[0], subURL)
	if err != nil {
		t.Fatalf("Subscribe: %v", err)
	}
	rec.Subscribed = strings.HasPrefix(subArn, rec.Topics[0]+":")
	ids := map[string]bool{}
	for _, msg := range []string{"first message", "second & last <message>"} {
		id, err := c.publish(ctx, rec.Topics[0], msg)
		if err != nil {
			t.Fatalf("Publish: %v", err)
		}
		ids[id] = id != ""
	}
	rec.MessageIDs = len(ids)
	rec.Delivered = sub.of(rec.Topics[0])
	listed, err := c.listTopics(ctx)
	if err != nil {
		t.Fatalf("ListTopics: %v", err)
	}
	for _, arn := range listed {
		if strings.Contains(arn, ":"+prefix+"-") {
			rec.Listed = append(rec.Listed, arn)
		}
	}
	slices.Sort(rec.Listed)
	slices.Sort(rec.Topics)
	_, err = c.publish(ctx, rec.Topics[0]+"-missing", "lost")
	rec.MissingCode = errorCode(err)
	var re interface{ HTTPStatusCode() int }
	rec.MissingIsHTTP = errors.As(err, &re) && re.HTTPStatusCode() == http.StatusBadRequest

	if !slices.Equal(rec.Listed, rec.Topics) || !rec.Subscribed || rec.MessageIDs != 2 ||
		!slices.Equal(rec.Delivered, []string{"first message", "second & last <message>"}) || rec.MissingCode == "" {
		t.Errorf("sequence observed %+v", rec)
	}
	// ARNs differ only by the prefix; compare them without it.
	for _, l := range []*[]string{&rec.Topics, &rec.Listed} {
		for i, arn := range *l {
			(*l)[i] = strings.Replace(arn, prefix, "P", 1)
		}
	}
	return rec
}

func TestSequence(t *testing.T) {
	log.SetLevel(log.WarnLevel) // goaws logs every call
	srv, err := servertest.New("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Quit() })
	sub := &notifications{msgs: map[string][]string{}}
	hs := httptest.NewServer(sub)
	t.Cleanup(hs.Close)

	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "SECRET", Source: "integration"}, nil
	})
	o := ours{sns.New(sns.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL()), Credentials: creds})}
	a := theirs{awssns.New(awssns.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL()), Credentials: creds})}
	got := run(t, o, "smithygen", sub, hs.URL)
	want := run(t, a, "awssdkgov2", sub, hs.URL)
	t.Logf("observed %+v", got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the clients observed different results:\nsmithygen:     %+v\naws-sdk-go-v2: %+v", got, want)
	}
}

type ours struct{ c *sns.Client }

func (o ours) createTopic(ctx context.Context, name string) (string, error) {
	out, err := o.c.CreateTopic(ctx, &sns.CreateTopicInput{Name: &name})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.TopicArn), nil
}

func (o ours) subscribe(ctx context.Context, arn, endpoint string) (string, error) {
	out, err := o.c.Subscribe(ctx, &sns.SubscribeInput{TopicArn: &arn, Protocol: aws.String("http"), Endpoint: &endpoint})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SubscriptionArn), nil
}

func (o ours) publish(ctx context.Context, arn, message string) (string, error) {
	out, err := o.c.Publish(ctx, &sns.PublishInput{TopicArn: &arn, Message: &message})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.MessageId), nil
}

func (o ours) listTopics(ctx context.Context) ([]string, error) {
	var arns []string
	for topic, err := range sns.NewListTopicsPaginator(o.c, &sns.ListTopicsInput{}).Items(ctx) {
		if err != nil {
			return nil, err
		}
		arns = append(arns, aws.ToString(topic.TopicArn))
	}
	return arns, nil
}

type theirs struct{ c *awssns.Client }

func (o theirs) createTopic(ctx context.Context, name string) (string, error) {
	out, err := o.c.CreateTopic(ctx, &awssns.CreateTopicInput{Name: &name})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.TopicArn), nil
}

func (o theirs) subscribe(ctx context.Context, arn, endpoint string) (string, error) {
	out, err := o.c.Subscribe(ctx, &awssns.SubscribeInput{TopicArn: &arn, Protocol: aws.String("http"), Endpoint: &endpoint})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.SubscriptionArn), nil
}

func (o theirs) publish(ctx context.Context, arn, message string) (string, error) {
	out, err := o.c.Publish(ctx, &awssns.PublishInput{TopicArn: &arn, Message: &message})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.MessageId), nil
}

func (o theirs) listTopics(ctx context.Context) ([]string, error) {
	var arns []string
	p := awssns.NewListTopicsPaginator(o.c, &awssns.ListTopicsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, topic := range page.Topics {
			arns = append(arns, aws.ToString(topic.TopicArn))
		}
	}
	return arns, nil
}
