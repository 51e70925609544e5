package api

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"

	appmember "huiguan/app/member"
	"huiguan/domain/errs"
)

// errEOF ends a sheet's rows.
var errEOF = io.EOF

const xlsxMIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// maxImportBytes bounds an uploaded roster file.
const maxImportBytes = 5 << 20

// sendTempXLSX streams a workbook built by write through a temporary file
// that is unlinked at once: the open handle keeps it readable while Fiber
// sends it, and nothing is left behind if the client goes away.
func sendTempXLSX(c *fiber.Ctx, name string, write func(f *os.File) error) error {
	f, err := os.CreateTemp("", "huiguan-*.xlsx")
	if err != nil {
		return err
	}
	_ = os.Remove(f.Name()) // the open handle keeps the data
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	if _, err := f.Seek(0, 0); err != nil {
		f.Close()
		return err
	}
	c.Set(fiber.HeaderContentType, xlsxMIME)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"; filename*=UTF-8''`+name)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendStream(f, int(info.Size())) // fasthttp closes the file when done
}

func (h *handlers) memberTemplate(c *fiber.Ctx) error {
	return sendTempXLSX(c, "member-import-template.xlsx", func(f *os.File) error {
		return h.d.Members.Template(c.UserContext(), h.d.Sheets, f)
	})
}

func (h *handlers) exportMembers(c *fiber.Ctx) error {
	f, err := memberFilter(c)
	if err != nil {
		return err
	}
	return sendTempXLSX(c, "members.xlsx", func(file *os.File) error {
		_, err := h.d.Members.Export(c.UserContext(), h.d.Sheets, f, c.Query("purpose"), file)
		return err
	})
}

type rowProblemDTO struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (h *handlers) importMembers(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return errs.Invalid("member.import_no_file", map[string]string{"file": "required"})
	}
	if fh.Size > maxImportBytes {
		return errs.Invalid("member.import_too_large", map[string]string{"file": "too_long"}).With("max_mb", maxImportBytes>>20)
	}
	if !strings.EqualFold(filepath.Ext(fh.Filename), ".xlsx") {
		return errs.Invalid("member.import_type", map[string]string{"file": "xlsx"})
	}
	file, err := fh.Open()
	if err != nil {
		return err
	}
	defer file.Close()
	res, err := h.d.Members.Import(c.UserContext(), h.d.Sheets, file)
	var rej *appmember.ImportRejected
	if errors.As(err, &rej) {
		l := langOf(c.Get(fiber.HeaderAcceptLanguage))
		message := func(p appmember.RowProblem) string { return rowMessage(p, l) }
		if strings.Contains(c.Get(fiber.HeaderAccept), xlsxMIME) {
			c.Status(fiber.StatusUnprocessableEntity)
			return sendTempXLSX(c, "member-import-errors.xlsx", func(f *os.File) error {
				return h.d.Members.Annotate(h.d.Sheets, rej, message, f)
			})
		}
		rows := make([]rowProblemDTO, len(rej.Problems))
		for i, p := range rej.Problems {
			rows[i] = rowProblemDTO{Row: p.Row, Column: p.Column, Field: p.Field, Code: p.Code, Message: message(p)}
		}
		detail := localise(&errs.Error{Code: "member.import_rejected", Params: map[string]any{"count": len(rows)}}, l)
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": fiber.Map{
			"code": detail.Code, "message": detail.Message, "rows": rows,
		}})
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"created": res.Created, "ids": res.IDs})
}

// rowMessage localises one import problem: a field code or an error code.
func rowMessage(p appmember.RowProblem, l lang) string {
	if t, ok := fieldMessages[p.Code]; ok {
		return render(t, l, p.Params)
	}
	if t, ok := messages[p.Code]; ok {
		return render(t, l, p.Params)
	}
	return p.Code
}

// memberFilter reads the roster filters shared by the list and the export.
func memberFilter(c *fiber.Ctx) (appmember.Filter, error) {
	f := appmember.Filter{Query: c.Query("q"), Phone: c.Query("phone"), Region: c.Query("region"), Industry: c.Query("industry"),
		ChainSegment: c.Query("chain_segment"), Risk: c.Query("risk"), Sort: c.Query("sort")}
	var err error
	if s := c.Query("status"); s != "" {
		if f.Status, err = parseStatus(s); err != nil {
			return f, err
		}
	}
	tier, err := queryInt(c, "tier_id")
	if err != nil {
		return f, err
	}
	f.TierID = int64(tier)
	if f.JoinYear, err = queryInt(c, "join_year"); err != nil {
		return f, err
	}
	return f, nil
}
