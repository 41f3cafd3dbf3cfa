// Package query is the request body encoder generated clients share for the
// aws.protocols#awsQuery and ec2Query protocols: an
// application/x-www-form-urlencoded body of Action, Version and the input's
// members under dotted keys (A.B.member.1.C), written in one buffer in the
// order generated code calls it.
//
// The two protocols differ in the encoder's rules, not its calls: under
// ec2Query lists are always flattened (Name.1, member names ignored) and
// empty lists are left out, while awsQuery writes an empty list as "Name=".
// Key names (xmlName, ec2QueryName, capitalization) are the generator's.
package query
