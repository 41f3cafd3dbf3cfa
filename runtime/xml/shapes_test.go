package xml

import (
	"bytes"
	"fmt"
	"time"
)

// The shapes below follow aws-sdk-go-v2's s3 and iam types; their decoders
// are written the way generated code calls this package.

type s3Owner struct {
	DisplayName *string
	ID          *string
}

type s3RestoreStatus struct {
	IsRestoreInProgress *bool
	RestoreExpiryDate   *time.Time
}

type s3Object struct {
	ChecksumAlgorithm []string
	ChecksumType      string
	ETag              *string
	Key               *string
	LastModified      *time.Time
	Owner             *s3Owner
	RestoreStatus     *s3RestoreStatus
	Size              *int64
	StorageClass      string
}

type s3CommonPrefix struct{ Prefix *string }

type listObjectsV2Output struct {
	CommonPrefixes        []s3CommonPrefix
	Contents              []s3Object
	ContinuationToken     *string
	Delimiter             *string
	EncodingType          string
	IsTruncated           *bool
	KeyCount              *int32
	MaxKeys               *int32
	Name                  *string
	NextContinuationToken *string
	Prefix                *string
	StartAfter            *string
}

func decodeListObjectsV2Output(d *Decoder, v *listObjectsV2Output) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "CommonPrefixes":
			err = Append(d, &v.CommonPrefixes, decodeCommonPrefix)
		case "Contents":
			err = Append(d, &v.Contents, decodeObject)
		case "ContinuationToken":
			v.ContinuationToken, err = d.StrPtr()
		case "Delimiter":
			v.Delimiter, err = d.StrPtr()
		case "EncodingType":
			v.EncodingType, err = Enum[string](d)
		case "IsTruncated":
			v.IsTruncated, err = d.BoolPtr()
		case "KeyCount":
			v.KeyCount, err = IntPtr[int32](d)
		case "MaxKeys":
			v.MaxKeys, err = IntPtr[int32](d)
		case "Name":
			v.Name, err = d.StrPtr()
		case "NextContinuationToken":
			v.NextContinuationToken, err = d.StrPtr()
		case "Prefix":
			v.Prefix, err = d.StrPtr()
		case "StartAfter":
			v.StartAfter, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeCommonPrefix(d *Decoder, v *s3CommonPrefix) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Prefix":
			v.Prefix, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeObject(d *Decoder, v *s3Object) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "ChecksumAlgorithm":
			err = Append(d, &v.ChecksumAlgorithm, ReadEnum[string])
		case "ChecksumType":
			v.ChecksumType, err = Enum[string](d)
		case "ETag":
			v.ETag, err = d.StrPtr()
		case "Key":
			v.Key, err = d.StrPtr()
		case "LastModified":
			v.LastModified, err = d.TimePtr(DateTime)
		case "Owner":
			v.Owner = New[s3Owner](d)
			err = decodeOwner(d, v.Owner)
		case "RestoreStatus":
			v.RestoreStatus = New[s3RestoreStatus](d)
			err = decodeRestoreStatus(d, v.RestoreStatus)
		case "Size":
			v.Size, err = IntPtr[int64](d)
		case "StorageClass":
			v.StorageClass, err = Enum[string](d)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeOwner(d *Decoder, v *s3Owner) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "DisplayName":
			v.DisplayName, err = d.StrPtr()
		case "ID":
			v.ID, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeRestoreStatus(d *Decoder, v *s3RestoreStatus) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "IsRestoreInProgress":
			v.IsRestoreInProgress, err = d.BoolPtr()
		case "RestoreExpiryDate":
			v.RestoreExpiryDate, err = d.TimePtr(DateTime)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

type iamTag struct{ Key, Value *string }

type iamRole struct {
	Arn                      *string
	AssumeRolePolicyDocument *string
	CreateDate               *time.Time
	Description              *string
	MaxSessionDuration       *int32
	Path                     *string
	RoleId                   *string
	RoleName                 *string
	Tags                     []iamTag
}

type listRolesOutput struct {
	IsTruncated bool
	Marker      *string
	Roles       []iamRole
}

func decodeListRolesOutput(d *Decoder, v *listRolesOutput) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "IsTruncated":
			v.IsTruncated, err = d.Bool()
		case "Marker":
			v.Marker, err = d.StrPtr()
		case "Roles":
			err = List(d, &v.Roles, "member", decodeRole)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeRole(d *Decoder, v *iamRole) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Arn":
			v.Arn, err = d.StrPtr()
		case "AssumeRolePolicyDocument":
			v.AssumeRolePolicyDocument, err = d.StrPtr()
		case "CreateDate":
			v.CreateDate, err = d.TimePtr(DateTime)
		case "Description":
			v.Description, err = d.StrPtr()
		case "MaxSessionDuration":
			v.MaxSessionDuration, err = IntPtr[int32](d)
		case "Path":
			v.Path, err = d.StrPtr()
		case "RoleId":
			v.RoleId, err = d.StrPtr()
		case "RoleName":
			v.RoleName, err = d.StrPtr()
		case "Tags":
			err = List(d, &v.Tags, "member", decodeTag)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeTag(d *Decoder, v *iamTag) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Key":
			v.Key, err = d.StrPtr()
		case "Value":
			v.Value, err = d.StrPtr()
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

// listObjectsBody returns a ListObjectsV2 response with n keys, as S3 writes
// it (ETags quoted with &quot;).
func listObjectsBody(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>example-bucket</Name>` +
		`<Prefix>photos/</Prefix><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>` +
		fmt.Sprintf(`<KeyCount>%d</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>`, n))
	for i := range n {
		fmt.Fprintf(&b, `<Contents><Key>photos/2024/%02d/IMG_%06d.jpg</Key><LastModified>2024-%02d-15T10:%02d:%02d.000Z</LastModified>`+
			`<ETag>&quot;%032x&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>`+
			`<Size>%d</Size><Owner><DisplayName>example-owner</DisplayName><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID></Owner>`+
			`<StorageClass>STANDARD</StorageClass></Contents>`, i%12+1, i, i%12+1, i%60, i%60, i*7919, 1000+i*31)
	}
	b.WriteString(`<CommonPrefixes><Prefix>photos/2024/</Prefix></CommonPrefixes></ListBucketResult>`)
	return b.Bytes()
}

// listRolesBody returns an IAM ListRoles response with n roles.
func listRolesBody(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<ListRolesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">` + "\n  <ListRolesResult>\n" +
		"    <IsTruncated>true</IsTruncated>\n    <Marker>AAIAAb2dU2ZwSGFuZGxlclN0YXJ0</Marker>\n    <Roles>\n")
	for i := range n {
		fmt.Fprintf(&b, `      <member>
        <Path>/service-role/</Path>
        <RoleName>example-role-%04d</RoleName>
        <RoleId>AROA%016X</RoleId>
        <Arn>arn:aws:iam::123456789012:role/service-role/example-role-%04d</Arn>
        <CreateDate>2019-%02d-%02dT12:34:56Z</CreateDate>
        <AssumeRolePolicyDocument>%%7B%%22Version%%22%%3A%%222012-10-17%%22%%2C%%22Statement%%22%%3A%%5B%%7B%%22Effect%%22%%3A%%22Allow%%22%%2C%%22Principal%%22%%3A%%7B%%22Service%%22%%3A%%22lambda.amazonaws.com%%22%%7D%%2C%%22Action%%22%%3A%%22sts%%3AAssumeRole%%22%%7D%%5D%%7D</AssumeRolePolicyDocument>
        <Description>Role number %d used by the example service</Description>
        <MaxSessionDuration>3600</MaxSessionDuration>
      </member>
`, i, i*104729, i, i%12+1, i%28+1, i)
	}
	b.WriteString("    </Roles>\n  </ListRolesResult>\n  <ResponseMetadata>\n    <RequestId>4a8d6ab2-8bf1-11e8-9dd6-2f3e5bb0d1a1</RequestId>\n" +
		"  </ResponseMetadata>\n</ListRolesResponse>\n")
	return b.Bytes()
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
