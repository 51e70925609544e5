package excel_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"huiguan/app"
	"huiguan/infra/excel"
)

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1:A9)": "'=SUM(A1:A9)", "+86 138": "'+86 138", "-1": "'-1", "@cmd": "'@cmd", "\tx": "'\tx",
		"广州": "广州", "": "", "a=b": "a=b",
	} {
		if got := excel.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteThenRead(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{{"广州速达", "=HYPERLINK(\"http://x\")"}, {"深圳鹏程", "13800000000"}}
	i := 0
	n, err := excel.Sheets{}.Write(&buf, "会员", []string{"名称", "备注"}, func() ([]string, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		i++
		return rows[i-1], nil
	})
	if err != nil || n != 2 {
		t.Fatalf("write: %d %v", n, err)
	}
	got, err := excel.Sheets{}.Read(bytes.NewReader(buf.Bytes()), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0][0] != "名称" || got[1][1] != "'=HYPERLINK(\"http://x\")" || got[2][1] != "13800000000" {
		t.Fatalf("read back %q", got)
	}
	if _, err := (excel.Sheets{}).Read(bytes.NewReader(buf.Bytes()), 1); !errors.Is(err, excel.ErrTooManyRows) {
		t.Fatalf("row limit: %v", err)
	}
	if _, err := (excel.Sheets{}).Read(strings.NewReader("not a zip"), 10); !errors.Is(err, excel.ErrCorrupt) {
		t.Fatalf("corrupt: %v", err)
	}
}

func TestAnnotate(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{{"名称", "代码"}, {"好公司", "91"}, {"坏公司", "x"}}
	if err := (excel.Sheets{}).Annotate(&buf, "会员", rows, []app.CellProblem{{Row: 2, Column: 1, Message: "代码校验位错误"}}); err != nil {
		t.Fatal(err)
	}
	got, _ := excel.Sheets{}.Read(bytes.NewReader(buf.Bytes()), 10)
	if got[0][2] != "错误 Errors" || len(got[1]) > 2 && got[1][2] != "" || got[2][2] != "代码校验位错误" {
		t.Fatalf("annotated %q", got)
	}
}
