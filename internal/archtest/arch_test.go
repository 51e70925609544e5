// Package archtest checks the dependency rule: api → app → domain, with
// infra implementing app's ports. It reads import lists from the source, so
// it needs no build and fails the suite when a layer reaches the wrong way.
package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var frameworks = []string{"github.com/gofiber", "gorm.io", "github.com/casbin", "github.com/xuri/excelize", "github.com/robfig/cron", "github.com/glebarez", "github.com/go-sql-driver"}

// rules: for files under a directory, import prefixes that are forbidden.
var rules = []struct {
	dir       string
	forbidden []string
}{
	{"domain", append([]string{"huiguan/app", "huiguan/infra", "huiguan/api", "huiguan/wire"}, frameworks...)},
	{"app", append([]string{"huiguan/infra", "huiguan/api", "huiguan/wire"}, frameworks...)},
	{"infra", []string{"huiguan/api", "huiguan/wire"}},
	{"api", []string{"huiguan/infra", "huiguan/wire", "gorm.io", "github.com/casbin"}},
}

func root(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func TestLayersPointInward(t *testing.T) {
	top := root(t)
	checked := 0
	for _, r := range rules {
		err := filepath.WalkDir(filepath.Join(top, r.dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				return err
			}
			checked++
			testFile := strings.HasSuffix(path, "_test.go")
			// Tests outside domain may wire real infrastructure (integration tests).
			if testFile && r.dir != "domain" {
				return nil
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range r.forbidden {
					if p == bad || strings.HasPrefix(p, bad+"/") {
						rel, _ := filepath.Rel(top, path)
						t.Errorf("%s imports %s: %s/ must not depend on it", rel, p, r.dir)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d files checked: is the root right?", checked)
	}
}
