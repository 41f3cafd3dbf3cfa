package bench

import (
	"bytes"
	"fmt"
)

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
