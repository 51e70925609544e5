package api

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"huiguan/app"
	"huiguan/app/identity"
	"huiguan/domain/errs"
)

const (
	sessionCookie = "huiguan_session"
	csrfHeader    = "X-CSRF-Token"
	ridHeader     = "X-Request-ID"
	localRID      = "request_id"
	localAuth     = "auth"
)

var ridPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// withRequestID keeps a well-formed incoming request id (a load balancer's)
// or makes one, and echoes it.
func withRequestID(c *fiber.Ctx) error {
	rid := c.Get(ridHeader)
	if !ridPattern.MatchString(rid) {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		rid = hex.EncodeToString(b)
	}
	c.Locals(localRID, rid)
	c.Set(ridHeader, rid)
	return c.Next()
}

func requestID(c *fiber.Ctx) string {
	rid, _ := c.Locals(localRID).(string)
	return rid
}

// securityHeaders sets the browser protections on every response. Element
// Plus sets inline styles, hence style-src 'unsafe-inline'; scripts are ours.
func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "+
		"frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
	c.Set("X-Frame-Options", "DENY")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "same-origin")
	c.Set("Cross-Origin-Opener-Policy", "same-origin")
	return c.Next()
}

// accessLog writes one line per API request with its request id.
func accessLog(log *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			// Let the error handler write the response now, so the status is logged.
			if herr := c.App().Config().ErrorHandler(c, err); herr != nil {
				return herr
			}
		}
		log.Info("http", "request_id", requestID(c), "method", c.Method(), "path", c.Path(),
			"status", c.Response().StatusCode(), "ms", time.Since(start).Milliseconds())
		return nil
	}
}

// jsonLimit refuses JSON bodies over n bytes; the server's own limit is the
// larger upload limit, so JSON needs its own.
func jsonLimit(n int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if n > 0 && len(c.Body()) > n && !strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEMultipartForm) {
			return errs.Invalid("request.too_large", map[string]string{"body": "too_long"})
		}
		return c.Next()
	}
}

func mutating(method string) bool {
	switch method {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return false
	}
	return true
}

// guard authenticates the session, checks the CSRF token on state-changing
// requests and asks casbin whether one of the user's roles may call this
// route template. Default deny; an enforcer error denies.
func (s *Server) guard(c *fiber.Ctx) error {
	auth, err := s.deps.Identity.Authenticate(c.UserContext(), c.Cookies(sessionCookie))
	if err != nil {
		if errors.Is(err, errs.ErrUnauthenticated) {
			s.clearCookie(c)
		}
		return err
	}
	if mutating(c.Method()) {
		got := c.Get(csrfHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(auth.Session.CSRFToken)) != 1 {
			return errs.Forbidden("csrf.invalid")
		}
	}
	path, method := c.Route().Path, c.Method()
	allowed := false
	for _, role := range auth.User.Roles() {
		ok, err := s.deps.Authorizer.Allowed(string(role), path, method)
		if err != nil {
			return err
		}
		if ok {
			allowed = true
			break
		}
	}
	if !allowed {
		return errs.Forbidden("rbac.forbidden")
	}
	p := identity.Principal(auth, requestID(c), c.IP())
	c.SetUserContext(app.WithPrincipal(c.UserContext(), p))
	c.Locals(localAuth, auth)
	return c.Next()
}

func (s *Server) setCookie(c *fiber.Ctx, token string) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.deps.CookieSecure, MaxAge: int(s.deps.SessionMaxAge.Seconds()),
	})
}

func (s *Server) clearCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: s.deps.CookieSecure, MaxAge: -1, Expires: time.Unix(0, 0),
	})
}

func authOf(c *fiber.Ctx) identity.Authenticated {
	a, _ := c.Locals(localAuth).(identity.Authenticated)
	return a
}

const placeholderHTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>会馆 HuiGuan</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:10vh auto;padding:0 1rem;color:#1f2937}
code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}</style></head><body>
<h1>会馆 HuiGuan</h1><p>服务器正在运行，但前端尚未构建。请运行 <code>make run</code>（会先构建前端）。</p>
<p>The server is running but the web front end has not been built. Run <code>make run</code>, which builds it first.</p>
<p>API: <code>/api/v1</code> · <a href="/healthz">/healthz</a></p></body></html>`

func placeholder(c *fiber.Ctx) error {
	c.Type("html", "utf-8")
	return c.SendString(placeholderHTML)
}
