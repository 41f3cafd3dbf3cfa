package naming

import (
	"encoding/json"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"
)

// pkgCheck collects the identifiers of one generated package and reports
// invalid or clashing ones.
type pkgCheck struct {
	t     *testing.T
	file  string
	seen  map[string]string // identifier → what it names
	count int
}

// add records one group of identifiers that must be valid, exported, and
// unique within the group and the package.
func (p *pkgCheck) add(what string, names []string) {
	group := map[string]bool{}
	for _, n := range names {
		p.count++
		if !token.IsIdentifier(n) || !token.IsExported(n) {
			p.t.Errorf("%s: %s: %q is not a valid exported identifier", p.file, what, n)
		}
		if group[n] {
			p.t.Errorf("%s: %s: duplicate %q", p.file, what, n)
		}
		group[n] = true
	}
	if p.seen == nil {
		return
	}
	for n := range group {
		if prev, ok := p.seen[n]; ok {
			p.t.Errorf("%s: %q names both %s and %s", p.file, n, prev, what)
		}
		p.seen[n] = what
	}
}

// TestAllModels names every shape, member and enum value of every model and
// checks that the results are valid Go identifiers without duplicates within
// a struct, enum or union, nor across each generated package.
func TestAllModels(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "models", "smithy", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no models: %v", err)
	}
	total, unexported := 0, 0
	for _, file := range files {
		m := loadModel(t, file)
		base := filepath.Base(file)
		typesPkg := &pkgCheck{t: t, file: base, seen: map[string]string{}}
		rootPkg := &pkgCheck{t: t, file: base, seen: map[string]string{}}
		checkModel(t, base, m, typesPkg, rootPkg)
		unexported += checkUnexported(t, base, m)
		total += typesPkg.count + rootPkg.count
	}
	t.Logf("%d models: %d exported names and %d unexported names checked", len(files), total, unexported)
}

func checkModel(t *testing.T, file string, m model, typesPkg, rootPkg *pkgCheck) {
	io := m.ioStructs()
	var typeShapes, wrappers []string
	for _, id := range m.sortedIDs() {
		s := m.Shapes[id]
		inner := &pkgCheck{t: t, file: file}
		switch s.Type {
		case "service":
			checkPackage(t, file, s)
		case "operation":
			rootPkg.add("operation "+id, []string{InputType(shortName(id)), OutputType(shortName(id))})
		case "structure":
			_, kind := structKind(id, s, io)
			inner.add("fields of "+id, Fields(kind, s.Members.names()))
			typesPkg.count += inner.count // counted with the package total
			if _, isIO := io[id]; !isIO {
				typeShapes = append(typeShapes, shortName(id))
			}
		case "union":
			w := UnionMembers(shortName(id), s.Members.names())
			typesPkg.add("wrappers of "+id, w)
			wrappers = append(wrappers, w...)
			typeShapes = append(typeShapes, shortName(id))
		default:
			if checkEnum(t, file, id, s, typesPkg) {
				typeShapes = append(typeShapes, shortName(id))
			}
		}
	}
	typesPkg.add("types", TypeNames(typeShapes, wrappers))
	typesPkg.add("types", []string{UnknownUnionMember})
}

func checkEnum(t *testing.T, file, id string, s shape, typesPkg *pkgCheck) bool {
	ms, ok, err := enumMembers(s)
	if err != nil {
		t.Fatalf("%s: %s: %v", file, id, err)
	}
	if ok {
		typesPkg.add("constants of "+id, EnumConsts(Exported(shortName(id)), ms))
	}
	return ok
}

func checkPackage(t *testing.T, file string, s shape) {
	var svc struct{ SdkID string }
	if err := json.Unmarshal(s.Traits["aws.api#service"], &svc); err != nil {
		t.Errorf("%s: aws.api#service: %v", file, err)
		return
	}
	pkg, err := Package(svc.SdkID)
	if err != nil || !token.IsIdentifier(pkg) {
		t.Errorf("%s: Package(%q) = %q, %v", file, svc.SdkID, pkg, err)
	}
}

// checkUnexported checks Unexported on every member name and returns how
// many it checked.
func checkUnexported(t *testing.T, file string, m model) int {
	n := 0
	for _, id := range m.sortedIDs() {
		for _, mem := range m.Shapes[id].Members {
			u := Unexported(mem.Name)
			n++
			if !token.IsIdentifier(u) || token.IsExported(u) || types.Universe.Lookup(u) != nil {
				t.Errorf("%s: Unexported(%q) = %q", file, mem.Name, u)
			}
		}
	}
	return n
}
