package xml

import (
	"github.com/smithygen/smithygen/runtime/transport"
)

// DecodeBody decodes the root element of an XML body into v; a body without
// any element decodes nothing. Errors are *smithy.DeserializationError.
func DecodeBody[T any](body []byte, v T, decode func(*Decoder, T) error) error {
	d := NewDecoder(body)
	ok, err := d.Root()
	if err == nil && ok {
		err = decode(d, v)
	}
	if err == nil {
		err = d.Finish()
	}
	if err != nil {
		return d.Error(err)
	}
	return nil
}

// DecodeNew decodes the root element of an XML body into a new T that *v
// then points to; a body without any element leaves *v alone. Errors are
// *smithy.DeserializationError.
func DecodeNew[T any](body []byte, v **T, decode func(*Decoder, *T) error) error {
	d := NewDecoder(body)
	ok, err := d.Root()
	if err == nil && ok {
		x := new(T)
		if err = decode(d, x); err == nil {
			*v = x
		}
	}
	if err == nil {
		err = d.Finish()
	}
	if err != nil {
		return d.Error(err)
	}
	return nil
}

// BodyDecoder returns the deserializer of an output read from the root
// element of the body alone: a restXml output structure or payload, or an
// ec2Query <OpResponse>, whose children are the output's members.
func BodyDecoder[T any](decode func(*Decoder, T) error) func(*transport.Response, T) error {
	return func(resp *transport.Response, v T) error { return DecodeBody(resp.Body, v, decode) }
}

// ResultDecoder returns the deserializer of an awsQuery output: the child
// named result (<OpResult>) of the root element (<OpResponse>), whose
// children are the output's members. ResponseMetadata is skipped; the
// request ID is taken from the response headers.
func ResultDecoder[T any](result string, decode func(*Decoder, T) error) func(*transport.Response, T) error {
	return func(resp *transport.Response, v T) error {
		return DecodeBody(resp.Body, v, func(d *Decoder, v T) error {
			return DecodeChild(d, result, v, decode)
		})
	}
}

// DecodeChild decodes the children of the element last started named name
// with decode and skips the others.
func DecodeChild[T any](d *Decoder, name string, v T, decode func(*Decoder, T) error) error {
	it := d.Children()
	var err error
	for err == nil && it.Next() {
		if string(d.Name()) == name {
			err = decode(d, v)
		} else {
			err = d.Skip()
		}
	}
	return it.Done(err)
}
