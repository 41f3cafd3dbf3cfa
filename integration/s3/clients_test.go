package s3integration

import (
	"context"
	"errors"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	awstypes "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	s3 "github.com/smithygen/smithygen/integration/s3/gen/s3"
	"github.com/smithygen/smithygen/integration/s3/gen/s3/types"
)

const region = "us-east-1"

func credentials(srv server) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: srv.accessKey, SecretAccessKey: srv.secretKey, Source: "integration"}, nil
	})
}

func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}
	return ""
}

// ours is the generated client with a BaseEndpoint, path-style unless the
// server takes buckets in the host, configured as aws-sdk-go-v2's is.
type ours struct{ c *s3.Client }

func newOurs(srv server) client {
	return ours{s3.New(s3.Options{Region: region, BaseEndpoint: aws.String(srv.endpoint),
		UsePathStyle: !srv.virtualHosted, Credentials: credentials(srv), HTTPClient: srv.client()})}
}

func (o ours) createBucket(ctx context.Context, bucket string) error {
	_, err := o.c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: &bucket})
	return err
}

func (o ours) putObject(ctx context.Context, bucket, key string, body []byte, meta map[string]string) (string, error) {
	out, err := o.c.PutObject(ctx, &s3.PutObjectInput{Bucket: &bucket, Key: &key, Body: bytesReader(body),
		Metadata: meta, ContentType: aws.String("application/octet-stream")})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.ETag), nil
}

func (o ours) headObject(ctx context.Context, bucket, key string) (objectInfo, error) {
	out, err := o.c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return objectInfo{}, err
	}
	return objectInfo{aws.ToInt64(out.ContentLength), aws.ToString(out.ContentType), aws.ToString(out.ETag), out.Metadata}, nil
}

func (o ours) getObject(ctx context.Context, bucket, key string) (objectInfo, []byte, error) {
	out, err := o.c.GetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return objectInfo{}, nil, err
	}
	b, err := io.ReadAll(out.Body)
	return objectInfo{aws.ToInt64(out.ContentLength), aws.ToString(out.ContentType), aws.ToString(out.ETag), out.Metadata}, b, err
}

func (o ours) listKeys(ctx context.Context, bucket string, pageSize int32) ([]string, int, error) {
	p := s3.NewListObjectsV2Paginator(o.c, &s3.ListObjectsV2Input{Bucket: &bucket, MaxKeys: &pageSize})
	var keys []string
	pages := 0
	for page, err := range p.Pages(ctx) {
		if err != nil {
			return nil, 0, err
		}
		pages++
		for _, obj := range page.Contents {
			keys = append(keys, aws.ToString(obj.Key))
		}
	}
	return keys, pages, nil
}

func (o ours) deleteObjects(ctx context.Context, bucket string, keys []string) (int, error) {
	del := &types.Delete{}
	for _, k := range keys {
		del.Objects = append(del.Objects, types.ObjectIdentifier{Key: aws.String(k)})
	}
	out, err := o.c.DeleteObjects(ctx, &s3.DeleteObjectsInput{Bucket: &bucket, Delete: del})
	if err != nil {
		return 0, err
	}
	if len(out.Errors) > 0 {
		return 0, errors.New(aws.ToString(out.Errors[0].Message))
	}
	return len(out.Deleted), nil
}

func (o ours) missing(ctx context.Context, bucket, key string) (missingKey, error) {
	var m missingKey
	_, err := o.c.GetObject(ctx, &s3.GetObjectInput{Bucket: &bucket, Key: &key})
	var nsk *types.NoSuchKey
	m.NoSuchKey = errors.As(err, &nsk)
	m.Code = errorCode(err)
	_, err = o.c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &bucket, Key: &key})
	m.HeadCode = errorCode(err)
	return m, nil
}

func (o ours) deleteBucket(ctx context.Context, bucket string) error {
	_, err := o.c.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: &bucket})
	return err
}

// theirs is aws-sdk-go-v2's client, configured as ours is.
type theirs struct{ c *awss3.Client }

func newTheirs(srv server) client {
	return theirs{awss3.New(awss3.Options{Region: region, BaseEndpoint: aws.String(srv.endpoint),
		UsePathStyle: !srv.virtualHosted, Credentials: credentials(srv), HTTPClient: srv.client()})}
}

func (o theirs) createBucket(ctx context.Context, bucket string) error {
	_, err := o.c.CreateBucket(ctx, &awss3.CreateBucketInput{Bucket: &bucket})
	return err
}

func (o theirs) putObject(ctx context.Context, bucket, key string, body []byte, meta map[string]string) (string, error) {
	out, err := o.c.PutObject(ctx, &awss3.PutObjectInput{Bucket: &bucket, Key: &key, Body: bytesReader(body),
		Metadata: meta, ContentType: aws.String("application/octet-stream")})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.ETag), nil
}

func (o theirs) headObject(ctx context.Context, bucket, key string) (objectInfo, error) {
	out, err := o.c.HeadObject(ctx, &awss3.HeadObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return objectInfo{}, err
	}
	return objectInfo{aws.ToInt64(out.ContentLength), aws.ToString(out.ContentType), aws.ToString(out.ETag), out.Metadata}, nil
}

func (o theirs) getObject(ctx context.Context, bucket, key string) (objectInfo, []byte, error) {
	out, err := o.c.GetObject(ctx, &awss3.GetObjectInput{Bucket: &bucket, Key: &key})
	if err != nil {
		return objectInfo{}, nil, err
	}
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	return objectInfo{aws.ToInt64(out.ContentLength), aws.ToString(out.ContentType), aws.ToString(out.ETag), out.Metadata}, b, err
}

func (o theirs) listKeys(ctx context.Context, bucket string, pageSize int32) ([]string, int, error) {
	p := awss3.NewListObjectsV2Paginator(o.c, &awss3.ListObjectsV2Input{Bucket: &bucket, MaxKeys: &pageSize})
	var keys []string
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, 0, err
		}
		pages++
		for _, obj := range page.Contents {
			keys = append(keys, aws.ToString(obj.Key))
		}
	}
	return keys, pages, nil
}

func (o theirs) deleteObjects(ctx context.Context, bucket string, keys []string) (int, error) {
	del := &awstypes.Delete{}
	for _, k := range keys {
		del.Objects = append(del.Objects, awstypes.ObjectIdentifier{Key: aws.String(k)})
	}
	out, err := o.c.DeleteObjects(ctx, &awss3.DeleteObjectsInput{Bucket: &bucket, Delete: del})
	if err != nil {
		return 0, err
	}
	if len(out.Errors) > 0 {
		return 0, errors.New(aws.ToString(out.Errors[0].Message))
	}
	return len(out.Deleted), nil
}

func (o theirs) missing(ctx context.Context, bucket, key string) (missingKey, error) {
	var m missingKey
	_, err := o.c.GetObject(ctx, &awss3.GetObjectInput{Bucket: &bucket, Key: &key})
	var nsk *awstypes.NoSuchKey
	m.NoSuchKey = errors.As(err, &nsk)
	m.Code = errorCode(err)
	_, err = o.c.HeadObject(ctx, &awss3.HeadObjectInput{Bucket: &bucket, Key: &key})
	m.HeadCode = errorCode(err)
	return m, nil
}

func (o theirs) deleteBucket(ctx context.Context, bucket string) error {
	_, err := o.c.DeleteBucket(ctx, &awss3.DeleteBucketInput{Bucket: &bucket})
	return err
}
