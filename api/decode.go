package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	"huiguan/domain/errs"
)

// decode reads a JSON body strictly into dst: unknown fields, wrong types,
// trailing data and non-JSON bodies are refused naming the field. dst must
// be a request DTO, never a stored record.
func decode(c *fiber.Ctx, dst any) error {
	if !strings.HasPrefix(strings.ToLower(c.Get(fiber.HeaderContentType)), fiber.MIMEApplicationJSON) {
		return errs.Invalid("request.content_type", nil)
	}
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		return errs.Invalid("request.empty_body", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errs.Invalid("request.malformed_json", nil)
	}
	return nil
}

func decodeError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return errs.Invalid("request.invalid_fields", map[string]string{field: "type"})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF):
		return errs.Invalid("request.malformed_json", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return errs.Invalid("request.invalid_fields", map[string]string{name: "unknown_field"})
	}
	return errs.Invalid("request.malformed_json", nil)
}

// pageOf reads page and page_size.
func pageOf(c *fiber.Ctx) (app.Page, error) {
	page, err := queryInt(c, "page")
	if err != nil {
		return app.Page{}, err
	}
	size, err := queryInt(c, "page_size")
	if err != nil {
		return app.Page{}, err
	}
	return app.NewPage(page, size)
}

func queryInt(c *fiber.Ctx, name string) (int, error) {
	v := c.Query(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, errs.Invalid("request.invalid_query", map[string]string{name: "type"})
	}
	return n, nil
}

func queryBool(c *fiber.Ctx, name string) (*bool, error) {
	v := c.Query(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, errs.Invalid("request.invalid_query", map[string]string{name: "type"})
	}
	return &b, nil
}

// queryDay reads a YYYY-MM-DD day in Asia/Shanghai; with end set it returns
// the start of the next day, so a "to" date includes the whole day.
func queryDay(c *fiber.Ctx, name string, end bool, loc *time.Location) (*time.Time, error) {
	v := c.Query(name)
	if v == "" {
		return nil, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, v, loc)
	if err != nil {
		return nil, errs.Invalid("request.invalid_query", map[string]string{name: "date"})
	}
	if end {
		t = t.AddDate(0, 0, 1)
	}
	t = t.UTC()
	return &t, nil
}

// paramID reads a positive integer path parameter.
func paramID(c *fiber.Ctx, name string) (int64, error) {
	n, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || n <= 0 {
		return 0, errs.NotFound("route")
	}
	return n, nil
}

// pageAll is one page large enough for lists that are short by nature.
var pageAll = app.Page{Page: 1, PageSize: app.MaxPageSize}

// listBody is the list envelope.
type listBody[T any] struct {
	Items    []T   `json:"items"`
	Total    int64 `json:"total"`
	Page     int   `json:"page"`
	PageSize int   `json:"page_size"`
}

func listOf[S, T any](l app.List[S], conv func(S) T) listBody[T] {
	out := listBody[T]{Items: make([]T, len(l.Items)), Total: l.Total, Page: l.Page, PageSize: l.PageSize}
	for i, s := range l.Items {
		out.Items[i] = conv(s)
	}
	return out
}
