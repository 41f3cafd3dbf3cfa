package xmlbench

import (
	"github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/smithygen/smithygen/runtime/xml"
)

// The decoders below are written as the restXml and awsQuery emitters will
// generate them, into aws-sdk-go-v2's own types so that results compare.

func decodeListObjectsV2Output(d *xml.Decoder, v *s3.ListObjectsV2Output) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "CommonPrefixes":
			err = xml.Append(d, &v.CommonPrefixes, decodeCommonPrefix)
		case "Contents":
			err = xml.Append(d, &v.Contents, decodeObject)
		case "ContinuationToken":
			v.ContinuationToken, err = d.StrPtr()
		case "Delimiter":
			v.Delimiter, err = d.StrPtr()
		case "EncodingType":
			v.EncodingType, err = xml.Enum[s3types.EncodingType](d)
		case "IsTruncated":
			v.IsTruncated, err = d.BoolPtr()
		case "KeyCount":
			v.KeyCount, err = xml.IntPtr[int32](d)
		case "MaxKeys":
			v.MaxKeys, err = xml.IntPtr[int32](d)
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

func decodeCommonPrefix(d *xml.Decoder, v *s3types.CommonPrefix) error {
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

func decodeObject(d *xml.Decoder, v *s3types.Object) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "ChecksumAlgorithm":
			err = xml.Append(d, &v.ChecksumAlgorithm, xml.ReadEnum[s3types.ChecksumAlgorithm])
		case "ChecksumType":
			v.ChecksumType, err = xml.Enum[s3types.ChecksumType](d)
		case "ETag":
			v.ETag, err = d.StrPtr()
		case "Key":
			v.Key, err = d.StrPtr()
		case "LastModified":
			v.LastModified, err = d.TimePtr(xml.DateTime)
		case "Owner":
			v.Owner = xml.New[s3types.Owner](d)
			err = decodeOwner(d, v.Owner)
		case "RestoreStatus":
			v.RestoreStatus = xml.New[s3types.RestoreStatus](d)
			err = decodeRestoreStatus(d, v.RestoreStatus)
		case "Size":
			v.Size, err = xml.IntPtr[int64](d)
		case "StorageClass":
			v.StorageClass, err = xml.Enum[s3types.ObjectStorageClass](d)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeOwner(d *xml.Decoder, v *s3types.Owner) error {
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

func decodeRestoreStatus(d *xml.Decoder, v *s3types.RestoreStatus) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "IsRestoreInProgress":
			v.IsRestoreInProgress, err = d.BoolPtr()
		case "RestoreExpiryDate":
			v.RestoreExpiryDate, err = d.TimePtr(xml.DateTime)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeListRolesOutput(d *xml.Decoder, v *iam.ListRolesOutput) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "IsTruncated":
			v.IsTruncated, err = d.Bool()
		case "Marker":
			v.Marker, err = d.StrPtr()
		case "Roles":
			err = xml.List(d, &v.Roles, "member", decodeRole)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeRole(d *xml.Decoder, v *iamtypes.Role) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case "Arn":
			v.Arn, err = d.StrPtr()
		case "AssumeRolePolicyDocument":
			v.AssumeRolePolicyDocument, err = d.StrPtr()
		case "CreateDate":
			v.CreateDate, err = d.TimePtr(xml.DateTime)
		case "Description":
			v.Description, err = d.StrPtr()
		case "MaxSessionDuration":
			v.MaxSessionDuration, err = xml.IntPtr[int32](d)
		case "Path":
			v.Path, err = d.StrPtr()
		case "RoleId":
			v.RoleId, err = d.StrPtr()
		case "RoleName":
			v.RoleName, err = d.StrPtr()
		case "Tags":
			err = xml.List(d, &v.Tags, "member", decodeTag)
		default:
			err = d.Skip()
		}
	}
	return it.Done(err)
}

func decodeTag(d *xml.Decoder, v *iamtypes.Tag) error {
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
