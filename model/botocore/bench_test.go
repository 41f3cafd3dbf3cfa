package botocore_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/botocore"
)

func readFile(b *testing.B, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkLoadBotocoreLambda converts Lambda's service-2.json and
// paginators-1.json and loads the result; bytes are the botocore files'.
func BenchmarkLoadBotocoreLambda(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "models", "botocore", "lambda")
	svc := botocore.Source{Name: "service-2.json", Data: readFile(b, filepath.Join(dir, "service-2.json"))}
	pag := &botocore.Source{Name: "paginators-1.json", Data: readFile(b, filepath.Join(dir, "paginators-1.json"))}
	b.SetBytes(int64(len(svc.Data) + len(pag.Data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := botocore.Convert(svc, pag, nil)
		if err != nil {
			b.Fatal(err)
		}
		var srcs []*model.Source
		for i := range res.Docs {
			d := &res.Docs[i]
			srcs = append(srcs, &model.Source{Name: d.Name, Data: d.JSON, PosFunc: d.Pos})
		}
		if _, err := model.Load(srcs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSmithyLambda loads Lambda's Smithy JSON, for comparison.
func BenchmarkLoadSmithyLambda(b *testing.B) {
	src := &model.Source{Name: "lambda.json", Data: readFile(b, filepath.Join(sharedDir(b), "models", "smithy", "lambda.json"))}
	b.SetBytes(int64(len(src.Data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.Load(src); err != nil {
			b.Fatal(err)
		}
	}
}
