package cleanroomsml

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go"
)

func TestInvalidInputNeverSent(t *testing.T) {
	valid := func(edit func(*ListTrainedModelsInput)) *ListTrainedModelsInput {
		in := validInput()
		edit(in)
		return in
	}
	tests := []struct {
		name   string
		in     *ListTrainedModelsInput
		fields []string // the fields the error names, in order
	}{
		{"nil input", nil, []string{"MembershipIdentifier"}},
		{"missing membership", &ListTrainedModelsInput{MaxResults: aws.Int32(5)}, []string{"MembershipIdentifier"}},
		{"empty membership", valid(func(in *ListTrainedModelsInput) { in.MembershipIdentifier = aws.String("") }),
			[]string{"MembershipIdentifier", "MembershipIdentifier"}},
		{"short membership", valid(func(in *ListTrainedModelsInput) { in.MembershipIdentifier = aws.String("abc") }),
			[]string{"MembershipIdentifier", "MembershipIdentifier"}},
		{"long membership", valid(func(in *ListTrainedModelsInput) { in.MembershipIdentifier = aws.String(testMembership + "0") }),
			[]string{"MembershipIdentifier", "MembershipIdentifier"}},
		{"upper-case membership", valid(func(in *ListTrainedModelsInput) {
			in.MembershipIdentifier = aws.String(strings.ToUpper(testMembership))
		}),
			[]string{"MembershipIdentifier"}},
		{"membership with slash", valid(func(in *ListTrainedModelsInput) {
			in.MembershipIdentifier = aws.String("0f1e2d3c-4b5a-4968-8776/a5b4c3d2e1f0")
		}), []string{"MembershipIdentifier"}},
		{"MaxResults 0", valid(func(in *ListTrainedModelsInput) { in.MaxResults = aws.Int32(0) }), []string{"MaxResults"}},
		{"MaxResults 101", valid(func(in *ListTrainedModelsInput) { in.MaxResults = aws.Int32(101) }), []string{"MaxResults"}},
		{"empty NextToken", valid(func(in *ListTrainedModelsInput) { in.NextToken = aws.String("") }), []string{"NextToken"}},
		{"three fields", &ListTrainedModelsInput{MaxResults: aws.Int32(-1), NextToken: aws.String("")},
			[]string{"MembershipIdentifier", "MaxResults", "NextToken"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeService(t, reply(200, `{"trainedModels":[]}`))
			out, err := s.client().ListTrainedModels(context.Background(), tc.in)
			if out != nil {
				t.Errorf("output %+v returned for invalid input", out)
			}
			checkOperationError(t, err)
			checkInvalidParams(t, err, tc.fields)
			if n := s.hits(); n != 0 {
				t.Errorf("server hits = %d, want 0", n)
			}
		})
	}
}

// checkInvalidParams checks that err wraps a smithy.InvalidParamsError value
// naming exactly fields, in order.
func checkInvalidParams(t *testing.T, err error, fields []string) {
	t.Helper()
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) {
		t.Fatalf("error %v (%T) does not wrap a smithy.InvalidParamsError value", err, err)
	}
	if ipe.Len() != len(fields) {
		t.Errorf("%d invalid parameters, want %d: %v", ipe.Len(), len(fields), ipe)
	}
	msg := ipe.Error()
	at := 0
	for _, f := range fields {
		i := strings.Index(msg[at:], "ListTrainedModelsInput."+f)
		if i < 0 {
			t.Errorf("error %q does not name ListTrainedModelsInput.%s (in order)", msg, f)
			return
		}
		at += i + 1
	}
}

func TestBoundaryInputSent(t *testing.T) {
	tests := []struct {
		name string
		edit func(*ListTrainedModelsInput)
	}{
		{"MaxResults 1", func(in *ListTrainedModelsInput) { in.MaxResults = aws.Int32(1) }},
		{"MaxResults 100", func(in *ListTrainedModelsInput) { in.MaxResults = aws.Int32(100) }},
		{"one-character NextToken", func(in *ListTrainedModelsInput) { in.NextToken = aws.String("x") }},
		{"longest NextToken", func(in *ListTrainedModelsInput) { in.NextToken = aws.String(strings.Repeat("é", 10240)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeService(t, reply(200, `{"trainedModels":[]}`))
			in := validInput()
			tc.edit(in)
			if _, err := s.client().ListTrainedModels(context.Background(), in); err != nil {
				t.Fatalf("valid input rejected: %v", err)
			}
			if n := s.hits(); n != 1 {
				t.Errorf("server hits = %d, want 1", n)
			}
		})
	}
}
