package cleanroomsml

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/smithygen/smithygen/generated/cleanroomsml/types"
)

// page is one page the paginated test service returns.
type page struct {
	names []string
	next  string
}

// threePages maps the token sent to the page returned; the first page is
// sent without a token.
var threePages = map[string]page{
	"":   {[]string{"a", "b"}, "t1"},
	"t1": {[]string{"c"}, "t2"},
	"t2": {[]string{"d", "e"}, ""},
}

// maxPageRequests bounds the requests of a paginator test, so that a
// paginator that never stops fails instead of hanging.
const maxPageRequests = 10

// pagedService serves pages by their token and answers an unknown token
// with a ValidationException.
func pagedService(t *testing.T, pages map[string]page) *fakeService {
	return newFakeService(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n > maxPageRequests {
			t.Errorf("paginator sent more than %d requests", maxPageRequests)
			write(w, 400, `{"message":"too many requests"}`, "X-Amzn-Errortype", "LoopGuard")
			return
		}
		p, ok := pages[r.URL.Query().Get("nextToken")]
		if !ok {
			write(w, 400, `{"message":"unknown token"}`, "X-Amzn-Errortype", "ValidationException")
			return
		}
		models := make([]map[string]string, len(p.names))
		for i, n := range p.names {
			models[i] = map[string]string{"name": n}
		}
		body := map[string]any{"trainedModels": models}
		if p.next != "" {
			body["nextToken"] = p.next
		}
		b, _ := json.Marshal(body)
		write(w, 200, string(b))
	})
}

// sentQuery returns, per request, the nextToken ("-" when absent) and
// maxResults ("-" when absent) the server received.
func sentQuery(t *testing.T, s *fakeService) (tokens, sizes []string) {
	t.Helper()
	for i := range s.hits() {
		u := s.request(t, i).URL
		q := u.Query()
		tokens = append(tokens, valueOr(q, "nextToken"))
		sizes = append(sizes, valueOr(q, "maxResults"))
	}
	return tokens, sizes
}

func valueOr(q map[string][]string, key string) string {
	if v, ok := q[key]; ok {
		return v[0]
	}
	return "-"
}

func names(models []types.TrainedModelSummary) []string {
	var out []string
	for _, m := range models {
		out = append(out, aws.ToString(m.Name))
	}
	return out
}

func checkStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func TestPaginatorNextPage(t *testing.T) {
	s := pagedService(t, threePages)
	in := validInput()
	p := NewListTrainedModelsPaginator(s.client(), in, func(o *ListTrainedModelsPaginatorOptions) { o.Limit = 2 })
	var got []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, names(out.TrainedModels)...)
	}
	checkStrings(t, "items", got, []string{"a", "b", "c", "d", "e"})
	tokens, sizes := sentQuery(t, s)
	checkStrings(t, "tokens sent", tokens, []string{"-", "t1", "t2"})
	checkStrings(t, "maxResults sent", sizes, []string{"2", "2", "2"})
	if in.NextToken != nil || in.MaxResults != nil {
		t.Errorf("paginator changed its params: %+v", in)
	}
	if _, err := p.NextPage(context.Background()); err == nil {
		t.Error("NextPage after the last page succeeded")
	}
	if n := s.hits(); n != 3 {
		t.Errorf("server hits = %d, want 3", n)
	}
}

func TestPaginatorLimitFromInput(t *testing.T) {
	s := pagedService(t, threePages)
	in := validInput()
	in.MaxResults = aws.Int32(7)
	p := NewListTrainedModelsPaginator(s.client(), in)
	for _, err := range p.Pages(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
	}
	_, sizes := sentQuery(t, s)
	checkStrings(t, "maxResults sent", sizes, []string{"7", "7", "7"})
}

func TestPaginatorStartsAtInputToken(t *testing.T) {
	s := pagedService(t, threePages)
	in := validInput()
	in.NextToken = aws.String("t1")
	var got []string
	for item, err := range NewListTrainedModelsPaginator(s.client(), in).Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, aws.ToString(item.Name))
	}
	checkStrings(t, "items", got, []string{"c", "d", "e"})
	tokens, sizes := sentQuery(t, s)
	checkStrings(t, "tokens sent", tokens, []string{"t1", "t2"})
	checkStrings(t, "maxResults sent", sizes, []string{"-", "-"})
}

func TestPaginatorStopOnDuplicateToken(t *testing.T) {
	loop := map[string]page{"": {[]string{"a"}, "same"}, "same": {[]string{"b"}, "same"}}
	for _, stop := range []bool{true, false} {
		s := pagedService(t, loop)
		p := NewListTrainedModelsPaginator(s.client(), validInput(), func(o *ListTrainedModelsPaginatorOptions) {
			o.StopOnDuplicateToken = stop
		})
		pages := 0
		for _, err := range p.Pages(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			if pages++; pages == 4 {
				break
			}
		}
		want := 4
		if stop {
			want = 2
		}
		if pages != want || s.hits() != want {
			t.Errorf("StopOnDuplicateToken=%v: %d pages, %d requests; want %d", stop, pages, s.hits(), want)
		}
		if p.HasMorePages() == stop {
			t.Errorf("StopOnDuplicateToken=%v: HasMorePages = %v", stop, p.HasMorePages())
		}
	}
}

func TestPaginatorPagesIterator(t *testing.T) {
	s := pagedService(t, threePages)
	var perPage [][]string
	p := NewListTrainedModelsPaginator(s.client(), validInput())
	for out, err := range p.Pages(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		perPage = append(perPage, names(out.TrainedModels))
	}
	want := [][]string{{"a", "b"}, {"c"}, {"d", "e"}}
	if !reflect.DeepEqual(perPage, want) {
		t.Errorf("pages = %q, want %q", perPage, want)
	}
	if p.HasMorePages() {
		t.Error("HasMorePages after the last page")
	}
	tokens, _ := sentQuery(t, s)
	checkStrings(t, "tokens sent", tokens, []string{"-", "t1", "t2"})
}

func TestPaginatorItemsIterator(t *testing.T) {
	s := pagedService(t, threePages)
	var got []string
	for item, err := range NewListTrainedModelsPaginator(s.client(), validInput()).Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, aws.ToString(item.Name))
	}
	checkStrings(t, "items", got, []string{"a", "b", "c", "d", "e"})
	if n := s.hits(); n != 3 {
		t.Errorf("server hits = %d, want 3", n)
	}
}

func TestPaginatorItemsBreakAfterFirst(t *testing.T) {
	s := pagedService(t, threePages)
	var got []string
	for item, err := range NewListTrainedModelsPaginator(s.client(), validInput()).Items(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, aws.ToString(item.Name))
		break
	}
	checkStrings(t, "items", got, []string{"a"})
	if n := s.hits(); n != 1 {
		t.Errorf("server hits = %d, want 1", n)
	}
}

func TestPaginatorItemsError(t *testing.T) {
	s := pagedService(t, map[string]page{"": {[]string{"a"}, "gone"}})
	var got []string
	var errs int
	for item, err := range NewListTrainedModelsPaginator(s.client(), validInput()).Items(context.Background()) {
		if err != nil {
			errs++
			mustAs[*types.ValidationException](t, err)
			continue
		}
		got = append(got, aws.ToString(item.Name))
	}
	checkStrings(t, "items", got, []string{"a"})
	if errs != 1 || s.hits() != 2 {
		t.Errorf("%d errors after %d requests, want 1 after 2", errs, s.hits())
	}
}
