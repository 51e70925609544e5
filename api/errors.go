package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"huiguan/domain/errs"
)

// errorBody is the one error envelope.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code       string            `json:"code"`
	Message    string            `json:"message"`
	Clause     string            `json:"clause,omitempty"`
	Fields     map[string]string `json:"fields,omitempty"`
	RetryAfter int               `json:"retry_after,omitempty"`
}

var kindStatus = []struct {
	kind   error
	status int
}{
	{errs.ErrInvalid, http.StatusBadRequest},
	{errs.ErrUnauthenticated, http.StatusUnauthorized},
	{errs.ErrForbidden, http.StatusForbidden},
	{errs.ErrNotFound, http.StatusNotFound},
	{errs.ErrConflict, http.StatusConflict},
	{errs.ErrRule, http.StatusUnprocessableEntity},
	{errs.ErrThrottled, http.StatusTooManyRequests},
	{errs.ErrUnavailable, http.StatusServiceUnavailable},
}

// errorHandler is the one place that turns errors into HTTP responses. The
// client gets a stable code and a localised message; details go to the log
// with the request id, never to the client.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		l := langOf(c.Get(fiber.HeaderAcceptLanguage))
		rid := requestID(c)
		status, detail := classify(err, l, rid)
		switch {
		case status >= 500:
			log.Error("request failed", "request_id", rid, "method", c.Method(), "path", c.Path(), "status", status, "err", err)
		case status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusTooManyRequests:
			log.Warn("request refused", "request_id", rid, "path", c.Path(), "status", status, "code", detail.Code)
		}
		if detail.RetryAfter > 0 {
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(detail.RetryAfter))
		}
		return c.Status(status).JSON(errorBody{Error: detail})
	}
}

func classify(err error, l lang, rid string) (int, errorDetail) {
	if e, ok := errs.As(err); ok {
		status := http.StatusInternalServerError
		for _, ks := range kindStatus {
			if errors.Is(e.Kind, ks.kind) {
				status = ks.status
				break
			}
		}
		if status == http.StatusInternalServerError {
			return internal(l, rid)
		}
		return status, localise(e, l)
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		switch fe.Code {
		case fiber.StatusNotFound:
			return fe.Code, localise(&errs.Error{Code: "route.not_found"}, l)
		case fiber.StatusMethodNotAllowed:
			return fe.Code, localise(&errs.Error{Code: "method.not_allowed"}, l)
		case fiber.StatusRequestEntityTooLarge:
			return http.StatusBadRequest, localise(&errs.Error{Code: "request.too_large", Fields: map[string]string{"body": "too_long"}}, l)
		case fiber.StatusBadRequest:
			return fe.Code, localise(&errs.Error{Code: "request.malformed_json"}, l)
		}
	}
	return internal(l, rid)
}

func internal(l lang, rid string) (int, errorDetail) {
	return http.StatusInternalServerError, errorDetail{
		Code: "internal", Message: render(messages["internal"], l, map[string]any{"request_id": rid}),
	}
}

func localise(e *errs.Error, l lang) errorDetail {
	d := errorDetail{Code: e.Code, Clause: e.Clause}
	if t, ok := messages[e.Code]; ok {
		d.Message = render(t, l, e.Params)
	} else {
		d.Message = e.Code // a code without a message is a bug; show the code rather than nothing
	}
	if len(e.Fields) > 0 {
		d.Fields = make(map[string]string, len(e.Fields))
		for f, code := range e.Fields {
			if t, ok := fieldMessages[code]; ok {
				d.Fields[f] = render(t, l, e.Params)
			} else {
				d.Fields[f] = code
			}
		}
	}
	if v, ok := e.Params["retry_after"].(int); ok {
		d.RetryAfter = v
	}
	return d
}
