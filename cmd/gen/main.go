// Command gen generates a Go client package from a Smithy model.
//
// With no flags it generates the embedded AWS Clean Rooms ML model
// (ListTrainedModels) into generated/cleanroomsml, relative to the module
// root. Run it from the module root:
//
//	go run ./cmd/gen [-model file.json]... [-service ID] [-out DIR] [-package NAME]
//	                 [-operations A,B] [-list] [-check] [-ast]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/templates"
)

type options struct {
	models     []string
	service    string
	out        string
	pkg        string
	operations string
	list       bool
	check      bool
	ast        bool
	each       bool
	warnings   bool
	partitions []byte // -partitions: the endpoint partition table, nil for the default
	stderr     io.Writer
}

func main() {
	if os.Getenv("GOGC") == "" {
		// A short batch run: collect garbage less often, for a larger heap.
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if err := generate(o, stdout); err != nil {
		var stale staleError
		if errors.As(err, &stale) {
			for _, f := range stale {
				fmt.Fprintf(stderr, "stale: %s\n", f)
			}
			return 1
		}
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{stderr: stderr}
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Func("model", "model `file`: Smithy JSON AST (.json) or IDL (.smithy); repeatable, files are merged; a directory means every model file below it", func(s string) error {
		o.models = append(o.models, s)
		return nil
	})
	fs.StringVar(&o.service, "service", "", "service shape `ID` when the model has several services")
	fs.StringVar(&o.out, "out", "", "output `dir` (default generated/<package>)")
	fs.StringVar(&o.pkg, "package", "", "Go package `name` (default: the service's sdkId lower-cased, letters and digits only)")
	fs.StringVar(&o.operations, "operations", "", "comma-separated operation `names`: generate only their closure")
	fs.BoolVar(&o.list, "list", false, "print the closure's operation names and exit")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 naming each stale file")
	fs.BoolVar(&o.ast, "ast", false, "print the loaded model as normalized Smithy JSON AST and exit")
	fs.BoolVar(&o.each, "each", false, "load each model file on its own and generate its service into <out>/<package> (out defaults to generated)")
	fs.BoolVar(&o.warnings, "warnings", false, "print every model warning (by default, a count per model file)")
	fs.Func("partitions", "partitions.json `file` for endpoint resolution (default: the table runtime/rules embeds)", func(s string) error {
		data, err := os.ReadFile(s)
		o.partitions = data
		return err
	})
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return nil, errors.New("usage")
	}
	return o, nil
}

func generate(o *options, stdout io.Writer) error {
	if o.each {
		return generateEach(o)
	}
	m, err := load(o.models)
	if err != nil {
		return err
	}
	reportWarnings(o, m)
	if o.ast {
		_, err := stdout.Write(m.AST())
		return err
	}
	svc, err := pickService(m, o.service)
	if err != nil {
		return err
	}
	var ops []string
	if o.operations != "" {
		ops = strings.Split(o.operations, ",")
	}
	c, err := m.Closure(svc, ops...)
	if err != nil {
		return err
	}
	if o.list {
		for _, op := range c.Operations {
			fmt.Fprintln(stdout, c.Name(op))
		}
		return nil
	}
	return emit(o, c)
}

func emit(o *options, c *model.Closure) error {
	out, importPath, err := outputDir(o, c)
	if err != nil {
		return err
	}
	api, err := templates.BuildAPI(c, importPath, o.pkg)
	if err != nil {
		return err
	}
	for _, w := range api.Warnings {
		fmt.Fprintln(o.stderr, w)
	}
	files, err := templates.Generator{Partitions: o.partitions}.Files(api)
	if err != nil {
		return err
	}
	if o.check {
		return check(out, files)
	}
	return writeAtomic(out, files)
}

// reportWarnings prints the model's warnings (Smithy's WARNING and DANGER
// events, such as deprecated traits) with -warnings, else their number per
// file: AWS models have dozens that their users cannot act on.
func reportWarnings(o *options, m *model.Model) {
	if o.warnings {
		for _, w := range m.Warnings {
			fmt.Fprintln(o.stderr, w)
		}
		return
	}
	counts := map[string]int{}
	var files []string
	for _, w := range m.Warnings {
		f := "<builtin>"
		if w.Pos.Src != nil {
			f = w.Pos.Src.Name
		}
		if counts[f] == 0 {
			files = append(files, f)
		}
		counts[f]++
	}
	for _, f := range files {
		fmt.Fprintf(o.stderr, "%s: %d model warnings (-warnings lists them)\n", f, counts[f])
	}
}

func load(paths []string) (*model.Model, error) {
	if len(paths) == 0 {
		return model.Load(model.DefaultSource())
	}
	return model.LoadFiles(paths...)
}

func pickService(m *model.Model, id string) (*model.Shape, error) {
	svcs := m.Services()
	if id != "" {
		if s := m.Shape(id); s != nil && s.Type == model.Service {
			return s, nil
		}
		return nil, fmt.Errorf("gen: no service %q in the model", id)
	}
	switch len(svcs) {
	case 0:
		return nil, errors.New("gen: the model has no service")
	case 1:
		return svcs[0], nil
	}
	ids := make([]string, len(svcs))
	for i, s := range svcs {
		ids[i] = s.ID
	}
	return nil, fmt.Errorf("gen: the model has several services; choose one with -service: %s", strings.Join(ids, ", "))
}
