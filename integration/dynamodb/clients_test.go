package dynamodb_test

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v2 "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	v2types "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	ours "github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb"
	"github.com/smithygen/smithygen/integration/dynamodb/gen/dynamodb/types"
)

// client is the sequence's operations on one SDK, with results in
// client-independent form.
type client interface {
	createTable(ctx context.Context, table string) (tableInfo, error)
	// waitTable waits for the table to exist, with the TableExists waiter.
	waitTable(ctx context.Context, table string) error
	putItem(ctx context.Context, table string, it item, ifAbsent bool) error
	getItem(ctx context.Context, table string, key item) (item, error)
	batchWrite(ctx context.Context, table string, puts []item) (unprocessed int, err error)
	// query reads every item of a partition through the paginator's items,
	// limit per page, and reports the number of Query calls made.
	query(ctx context.Context, table, pk string, limit int32) ([]item, int, error)
	deleteTable(ctx context.Context, table string) (tableInfo, error)
}

// tableInfo is what the sequence compares of a table description.
type tableInfo struct {
	Name, Status string
	Keys         []string // name:type
	Attributes   []string // name:type
}

// apiError is what the sequence compares of a service error.
type apiError struct {
	Code, Message string
	IsConditional bool // the client's typed ConditionalCheckFailedException
}

func asAPIError(err error, conditional bool) apiError {
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return apiError{Code: "not an API error: " + err.Error()}
	}
	return apiError{Code: ae.ErrorCode(), Message: ae.ErrorMessage(), IsConditional: conditional}
}

var creds = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", Source: "integration"}, nil
})

// --- the generated client ---

type oursClient struct{ c *ours.Client }

func newOurs(endpoint string) oursClient {
	return oursClient{ours.New(ours.Options{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint)})}
}

func (o oursClient) createTable(ctx context.Context, table string) (tableInfo, error) {
	out, err := o.c.CreateTable(ctx, &ours.CreateTableInput{
		TableName: aws.String(table),
		AttributeDefinitions: []types.AttributeDefinition{
			{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN},
		},
		KeySchema: []types.KeySchemaElement{
			{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange},
		},
		BillingMode: types.BillingModePayPerRequest,
	})
	if err != nil {
		return tableInfo{}, err
	}
	return oursTable(out.TableDescription), nil
}

func oursTable(d *types.TableDescription) tableInfo {
	t := tableInfo{Name: aws.ToString(d.TableName), Status: string(d.TableStatus)}
	for _, k := range d.KeySchema {
		t.Keys = append(t.Keys, aws.ToString(k.AttributeName)+":"+string(k.KeyType))
	}
	for _, a := range d.AttributeDefinitions {
		t.Attributes = append(t.Attributes, aws.ToString(a.AttributeName)+":"+string(a.AttributeType))
	}
	return t
}

func (o oursClient) putItem(ctx context.Context, table string, it item, ifAbsent bool) error {
	in := &ours.PutItemInput{TableName: aws.String(table), Item: itemToOurs(it)}
	if ifAbsent {
		in.ConditionExpression = aws.String("attribute_not_exists(pk)")
	}
	_, err := o.c.PutItem(ctx, in)
	var ccf *types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return conditionalError{asAPIError(err, true)}
	}
	return err
}

func (o oursClient) getItem(ctx context.Context, table string, key item) (item, error) {
	out, err := o.c.GetItem(ctx, &ours.GetItemInput{TableName: aws.String(table), Key: itemToOurs(key), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil, err
	}
	return itemFromOurs(out.Item), nil
}

func (o oursClient) batchWrite(ctx context.Context, table string, puts []item) (int, error) {
	var reqs []types.WriteRequest
	for _, it := range puts {
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: itemToOurs(it)}})
	}
	out, err := o.c.BatchWriteItem(ctx, &ours.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{table: reqs}})
	if err != nil {
		return 0, err
	}
	return len(out.UnprocessedItems[table]), nil
}

// countingQuery counts the Query calls of a paginator and checks their
// page size.
type countingQuery struct {
	c     *ours.Client
	limit int32
	calls *int
	err   *error
}

func (q countingQuery) Query(ctx context.Context, in *ours.QueryInput, optFns ...func(*ours.Options)) (*ours.QueryOutput, error) {
	*q.calls++
	if in.Limit == nil || *in.Limit != q.limit {
		*q.err = errors.New("paginator sent Limit " + strconv.Itoa(int(aws.ToInt32(in.Limit))))
	}
	return q.c.Query(ctx, in, optFns...)
}

func (o oursClient) query(ctx context.Context, table, pk string, limit int32) ([]item, int, error) {
	var calls int
	var limitErr error
	p := ours.NewQueryPaginator(countingQuery{o.c, limit, &calls, &limitErr}, &ours.QueryInput{
		TableName:                 aws.String(table),
		KeyConditionExpression:    aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: pk}},
		ConsistentRead:            aws.Bool(true),
	}, func(po *ours.QueryPaginatorOptions) { po.Limit = limit })
	var items []item
	for it, err := range p.Items(ctx) {
		if err != nil {
			return nil, calls, err
		}
		items = append(items, itemFromOurs(it))
	}
	return items, calls, limitErr
}

func (o oursClient) deleteTable(ctx context.Context, table string) (tableInfo, error) {
	out, err := o.c.DeleteTable(ctx, &ours.DeleteTableInput{TableName: aws.String(table)})
	if err != nil {
		return tableInfo{}, err
	}
	return oursTable(out.TableDescription), nil
}

// conditionalError is a failed condition, as the sequence compares it.
type conditionalError struct{ apiError }

func (e conditionalError) Error() string { return e.Code + ": " + e.Message }

func (o oursClient) waitTable(ctx context.Context, table string) error {
	return ours.NewTableExistsWaiter(o.c, func(w *ours.TableExistsWaiterOptions) { w.MinDelay = 50 * time.Millisecond }).
		Wait(ctx, &ours.DescribeTableInput{TableName: aws.String(table)}, time.Minute)
}

// --- aws-sdk-go-v2 ---

type v2Client struct{ c *v2.Client }

func newV2(endpoint string) v2Client {
	return v2Client{v2.New(v2.Options{Region: "us-east-1", Credentials: creds, BaseEndpoint: aws.String(endpoint)})}
}

func (o v2Client) waitTable(ctx context.Context, table string) error {
	return v2.NewTableExistsWaiter(o.c, func(w *v2.TableExistsWaiterOptions) { w.MinDelay = 50 * time.Millisecond }).
		Wait(ctx, &v2.DescribeTableInput{TableName: aws.String(table)}, time.Minute)
}

func (o v2Client) createTable(ctx context.Context, table string) (tableInfo, error) {
	out, err := o.c.CreateTable(ctx, &v2.CreateTableInput{
		TableName: aws.String(table),
		AttributeDefinitions: []v2types.AttributeDefinition{
			{AttributeName: aws.String("pk"), AttributeType: v2types.ScalarAttributeTypeS},
			{AttributeName: aws.String("sk"), AttributeType: v2types.ScalarAttributeTypeN},
		},
		KeySchema: []v2types.KeySchemaElement{
			{AttributeName: aws.String("pk"), KeyType: v2types.KeyTypeHash},
			{AttributeName: aws.String("sk"), KeyType: v2types.KeyTypeRange},
		},
		BillingMode: v2types.BillingModePayPerRequest,
	})
	if err != nil {
		return tableInfo{}, err
	}
	return v2Table(out.TableDescription), nil
}

func v2Table(d *v2types.TableDescription) tableInfo {
	t := tableInfo{Name: aws.ToString(d.TableName), Status: string(d.TableStatus)}
	for _, k := range d.KeySchema {
		t.Keys = append(t.Keys, aws.ToString(k.AttributeName)+":"+string(k.KeyType))
	}
	for _, a := range d.AttributeDefinitions {
		t.Attributes = append(t.Attributes, aws.ToString(a.AttributeName)+":"+string(a.AttributeType))
	}
	return t
}

func (o v2Client) putItem(ctx context.Context, table string, it item, ifAbsent bool) error {
	in := &v2.PutItemInput{TableName: aws.String(table), Item: itemToV2(it)}
	if ifAbsent {
		in.ConditionExpression = aws.String("attribute_not_exists(pk)")
	}
	_, err := o.c.PutItem(ctx, in)
	var ccf *v2types.ConditionalCheckFailedException
	if errors.As(err, &ccf) {
		return conditionalError{asAPIError(err, true)}
	}
	return err
}

func (o v2Client) getItem(ctx context.Context, table string, key item) (item, error) {
	out, err := o.c.GetItem(ctx, &v2.GetItemInput{TableName: aws.String(table), Key: itemToV2(key), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil, err
	}
	return itemFromV2(out.Item), nil
}

func (o v2Client) batchWrite(ctx context.Context, table string, puts []item) (int, error) {
	var reqs []v2types.WriteRequest
	for _, it := range puts {
		reqs = append(reqs, v2types.WriteRequest{PutRequest: &v2types.PutRequest{Item: itemToV2(it)}})
	}
	out, err := o.c.BatchWriteItem(ctx, &v2.BatchWriteItemInput{RequestItems: map[string][]v2types.WriteRequest{table: reqs}})
	if err != nil {
		return 0, err
	}
	return len(out.UnprocessedItems[table]), nil
}

func (o v2Client) query(ctx context.Context, table, pk string, limit int32) ([]item, int, error) {
	p := v2.NewQueryPaginator(o.c, &v2.QueryInput{
		TableName:                 aws.String(table),
		KeyConditionExpression:    aws.String("pk = :pk"),
		ExpressionAttributeValues: map[string]v2types.AttributeValue{":pk": &v2types.AttributeValueMemberS{Value: pk}},
		ConsistentRead:            aws.Bool(true),
	}, func(po *v2.QueryPaginatorOptions) { po.Limit = limit })
	var items []item
	calls := 0
	for p.HasMorePages() {
		calls++
		out, err := p.NextPage(ctx)
		if err != nil {
			return nil, calls, err
		}
		for _, it := range out.Items {
			items = append(items, itemFromV2(it))
		}
	}
	return items, calls, nil
}

func (o v2Client) deleteTable(ctx context.Context, table string) (tableInfo, error) {
	out, err := o.c.DeleteTable(ctx, &v2.DeleteTableInput{TableName: aws.String(table)})
	if err != nil {
		return tableInfo{}, err
	}
	return v2Table(out.TableDescription), nil
}
