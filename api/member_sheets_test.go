package api_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"huiguan/infra/db/dbtest"
	"huiguan/infra/excel"
	"huiguan/testkit"
)

func sheet(t *testing.T, rows [][]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	i := 1
	_, err := excel.Sheets{}.Write(&buf, "会员名册", rows[0], func() ([]string, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return rows[i-1], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readSheet(t *testing.T, body string) [][]string {
	t.Helper()
	rows, err := excel.Sheets{}.Read(strings.NewReader(body), 200000)
	if err != nil {
		t.Fatalf("response is not a workbook: %v", err)
	}
	return rows
}

// wrongCheck replaces a code's check character with another valid one.
func wrongCheck(c string) string {
	if c[17] == '0' {
		return c[:17] + "1"
	}
	return c[:17] + "0"
}

var importHeader = []string{"单位名称", "统一社会信用代码", "单位类型", "会员层级", "承认章程", "住所", "法定代表人", "法定代表人电话",
	"会员代表", "会员代表电话", "联络人", "联络人电话", "行业", "地区"}

func importRow(name, uscc string) []string {
	return []string{name, uscc, "企业法人", "会员单位", "是", "广州市天河区 1 号", "张三", "13800000011", "李四", "13900000012", "王五", "02000000013", "仓储", "广州"}
}

func TestImportIsAllOrNothing(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, _, _ := registry(t, k)

		tpl := clerk.Get("/api/v1/members/import-template.xlsx")
		if tpl.Status != 200 || readSheet(t, tpl.Body)[0][1] != "统一社会信用代码" {
			t.Fatalf("template: %d", tpl.Status)
		}
		if example := readSheet(t, tpl.Body)[1][1]; example != code("91440101MA5C00000") {
			t.Fatalf("the template's example credit code %q does not carry its check character", example)
		}

		bad := importRow("坏码物流有限公司", wrongCheck(code("91440101MA5C11100")))
		rows := [][]string{importHeader,
			importRow("一号仓储有限公司", code("91440101MA5C10000")),
			bad,
			importRow("重复物流有限公司", code("91440101MA5C10000")),
			importRow("已登记的速达", code("91440101MA5CXXXX0")),
			append(importRow("某分公司", code("91440101MA5C20000")), ""),
		}
		rows[5][2] = "分公司"
		auditBefore := k.AuditCount()
		res := clerk.Upload("/api/v1/members/import", "file", "roster.xlsx", sheet(t, rows), "")
		if res.Status != 422 || res.ErrorCode() != "member.import_rejected" {
			t.Fatalf("import with bad rows: %d %s", res.Status, res.Body)
		}
		problems := res.JSON["error"].(map[string]any)["rows"].([]any)
		byRow := map[float64]string{}
		for _, p := range problems {
			m := p.(map[string]any)
			byRow[m["row"].(float64)] = m["column"].(string) + ":" + m["code"].(string)
		}
		want := map[float64]string{2: "统一社会信用代码:uscc_check", 3: "统一社会信用代码:duplicate_in_file", 4: "统一社会信用代码:taken", 5: "单位类型:member.unit_type_not_eligible"}
		for row, w := range want {
			if byRow[row] != w {
				t.Errorf("row %v: got %q, want %q (all: %v)", row, byRow[row], w, byRow)
			}
		}
		if _, ok := byRow[1]; ok {
			t.Errorf("row 1 is valid but was reported: %v", byRow)
		}
		if k.AuditCount() != auditBefore {
			t.Fatal("a rejected import wrote something")
		}
		if l := clerk.Do("GET", "/api/v1/members?q=一号仓储", nil); l.JSON["total"].(float64) != 0 {
			t.Fatal("a rejected import created a member")
		}

		// The same file with the annotated report.
		rep := clerk.Upload("/api/v1/members/import", "file", "roster.xlsx", sheet(t, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
		annotated := readSheet(t, rep.Body)
		if rep.Status != 422 || !strings.Contains(annotated[0][len(annotated[0])-1], "错误") || !strings.Contains(strings.Join(annotated[2], "|"), "校验位错误") {
			t.Fatalf("annotated report: %d %q", rep.Status, annotated)
		}

		// Fixed: only valid rows. All are created as applicants, audited.
		good := [][]string{importHeader, importRow("一号仓储有限公司", code("91440101MA5C10000")), importRow("二号仓储有限公司", code("91440101MA5C30000"))}
		res = clerk.Upload("/api/v1/members/import", "file", "roster.xlsx", sheet(t, good), "")
		if res.Status != 201 || res.JSON["created"].(float64) != 2 {
			t.Fatalf("good import: %d %s", res.Status, res.Body)
		}
		l := clerk.Do("GET", "/api/v1/members?status=applicant", nil)
		if l.JSON["total"].(float64) != 2 || l.JSON["items"].([]any)[0].(map[string]any)["channel"] != "import" {
			t.Fatalf("imported units must be applicants: %s", l.Body)
		}
		if k.AuditCount() != auditBefore+2 {
			t.Fatalf("import audit entries: %d", k.AuditCount()-auditBefore)
		}

		// Files that are not the template, not a workbook, or not .xlsx.
		if r := clerk.Upload("/api/v1/members/import", "file", "roster.xlsx", sheet(t, [][]string{{"名字", "电话"}, {"a", "b"}}), ""); r.Status != 400 || r.ErrorCode() != "member.import_template" || !strings.Contains(r.Body, "统一社会信用代码") {
			t.Fatalf("wrong template: %d %s", r.Status, r.Body)
		}
		if r := clerk.Upload("/api/v1/members/import", "file", "roster.xlsx", []byte("PK\x03\x04 broken"), ""); r.Status != 400 || r.ErrorCode() != "member.import_corrupt" {
			t.Fatalf("corrupt file: %d %s", r.Status, r.Body)
		}
		if r := clerk.Upload("/api/v1/members/import", "file", "roster.csv", []byte("a,b"), ""); r.Status != 400 || r.ErrorCode() != "member.import_type" {
			t.Fatalf("csv: %d %s", r.Status, r.Body)
		}
		if r := clerk.Upload("/api/v1/members/import", "file", "big.xlsx", make([]byte, 6<<20), ""); r.Status != 400 || r.ErrorCode() != "member.import_too_large" {
			t.Fatalf("oversized file: %d %.200s", r.Status, r.Body)
		}
	})
}

func TestExportIsMaskedNeutralisedAndAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, tg dbtest.Target) {
		k := testkit.New(t, tg)
		clerk, id, _ := registry(t, k)
		// A value that a spreadsheet would run as a formula.
		clerk.Do("PATCH", "/api/v1/members/"+id, map[string]any{"region": "=HYPERLINK(\"http://evil\",\"x\")"})
		if r := clerk.Get("/api/v1/members/export.xlsx"); r.Status != 400 || !strings.Contains(r.Body, "purpose") {
			t.Fatalf("export without purpose: %d %s", r.Status, r.Body)
		}
		r := clerk.Get("/api/v1/members/export.xlsx?purpose=%E5%B9%B4%E6%A3%80&status=active")
		if r.Status != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/vnd.openxmlformats") {
			t.Fatalf("export: %d %.200s", r.Status, r.Body)
		}
		rows := readSheet(t, r.Body)
		if len(rows) != 2 {
			t.Fatalf("rows: %q", rows)
		}
		joined := strings.Join(rows[1], "|")
		if !strings.Contains(joined, "138****0001") || strings.Contains(joined, "13800000001") || !strings.Contains(joined, "'=HYPERLINK") {
			t.Fatalf("exported row (masked phone, neutralised formula expected): %q", rows[1])
		}
		a := k.Login("admin", testkit.AdminPassword).Do("GET", "/api/v1/audit?action=member.export", nil)
		after := a.JSON["items"].([]any)[0].(map[string]any)["after"].(map[string]any)
		if after["purpose"] != "年检" || after["rows"].(float64) != 1 {
			t.Fatalf("export audit: %s", a.Body)
		}
	})
}
