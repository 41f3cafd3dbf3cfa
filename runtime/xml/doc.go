// Package xml is the XML codec generated clients share for the
// aws.protocols#restXml, awsQuery and ec2Query protocols: a streaming,
// reflection-free decoder that generated code drives element by element, an
// encoder for request bodies, the XML binding helpers for wrapped and
// flattened lists and maps, and the parsing of XML error responses.
//
// The decoder never processes a document type declaration: a DOCTYPE is an
// error, so no entity other than the five predefined ones and character
// references is ever expanded and nothing external is ever resolved. Depth
// and attributes per element are bounded (see Limits).
package xml
