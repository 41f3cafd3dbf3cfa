package model

// EventStream is an operation's event stream: the member of its input or
// output that targets a @streaming union. The member is not among the
// structure's Fields; as in aws-sdk-go-v2, the stream is reached through the
// output's GetStream method, whose value sends input events and receives
// output events.
type EventStream struct {
	// Field is the member, typed as the union, with its Location and Wire
	// name.
	Field *Field
	// Union is the union's types-package declaration. Its Fields are the
	// events; an input stream's union keeps its error members too, so that
	// they can be sent as exception messages.
	Union *Named
	// Events are the members that are events, in model order; Errors those
	// targeting @error structures, sent as exception messages.
	Events, Errors []*Field
	// StreamName is the Go type of the operation's stream, shared by its
	// input and output streams: "<Op>EventStream".
	StreamName string
	// ReaderName and WriterName are the interfaces of the union's output
	// and input streams: "<Union>Reader", "<Union>Writer".
	ReaderName, WriterName string
}

// IsEventStream reports whether a member targets an event stream union.
func IsEventStream(m *MemberShape) bool {
	return m.Target != nil && m.Target.Type == Union && m.Target.Traits.Streaming
}

// takeEventStream removes the event stream member from an operation's input
// or output structure and returns it, nil when there is none.
func (b *builder) takeEventStream(op *Op, n *Named, input bool) *EventStream {
	for i, f := range n.Fields {
		if !IsEventStream(f.Member) || f.Type.Named == nil {
			continue
		}
		n.Fields = append(n.Fields[:i:i], n.Fields[i+1:]...)
		es := &EventStream{Field: f, Union: f.Type.Named, StreamName: op.Name + "EventStream"}
		es.ReaderName, es.WriterName = es.Union.Name+"Reader", es.Union.Name+"Writer"
		if input {
			b.inputUnions[es.Union.Shape] = true
		}
		return es
	}
	return nil
}

// splitStreamUnion separates the error members of an event stream union
// from its events: outputs receive them as exceptions, so the union's Go
// type lists only events, as aws-sdk-go-v2's does; a union an input stream
// sends keeps them as members.
func (b *builder) splitStreamUnion(n *Named) {
	var events, errs []*Field
	for _, f := range n.Fields {
		if f.Member.Target.Type == Structure && f.Member.Target.Traits.Error != "" {
			errs = append(errs, f)
		} else {
			events = append(events, f)
		}
	}
	b.streamEvents[n] = [2][]*Field{events, errs}
	if !b.inputUnions[n.Shape] {
		n.Fields = events
	}
}

// fillEventStreams sets the events and errors of every operation's streams
// once the unions are filled.
func (b *builder) fillEventStreams() {
	for _, op := range b.api.Operations {
		for _, es := range []*EventStream{op.InputStream, op.OutputStream} {
			if es != nil {
				parts := b.streamEvents[es.Union]
				es.Events, es.Errors = parts[0], parts[1]
			}
		}
	}
}
