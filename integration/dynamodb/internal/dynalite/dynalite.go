// Package dynalite runs dynalite, an implementation of DynamoDB on Node.js,
// for the duration of a test.
//
// The server is the dynalite that `npm ci` installs into the module's
// node_modules (package.json), or the executable $DYNALITE names. When it
// is missing the test is skipped, except under CI (the CI environment
// variable set to anything but "" or "false"), where it fails: CI must
// never pass without having run against the server.
package dynalite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Server is a running dynalite.
type Server struct {
	// Addr is host:port on the loopback interface.
	Addr string
	// Endpoint is its base URL, "http://" + Addr.
	Endpoint string
}

// requireServer reports whether a missing server fails the test.
func requireServer() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// executable returns the dynalite to run.
func executable() (string, error) {
	if p := os.Getenv("DYNALITE"); p != "" {
		return p, nil
	}
	dir, err := moduleRoot()
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "node_modules", ".bin", "dynalite")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("dynalite is not installed (run npm ci in %s, or set DYNALITE): %w", dir, err)
	}
	return p, nil
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "package.json")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no package.json above the working directory")
		}
		dir = parent
	}
}

// Start runs an in-memory dynalite on a free loopback port until the test
// ends, or skips (fails under CI) when dynalite is not installed.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := executable()
	if err != nil {
		if requireServer() {
			t.Fatalf("CI requires the DynamoDB server: %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	s, stop, err := start(bin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return s
}

// StartMain is Start for TestMain: it returns a stop function, or exits
// the test binary when the server cannot run.
func StartMain() (*Server, func()) {
	bin, err := executable()
	if err != nil {
		if requireServer() {
			fmt.Fprintf(os.Stderr, "FAIL: CI requires the DynamoDB server: %v\n", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "skipping the DynamoDB server tests: %v\n", err)
		return nil, func() {}
	}
	s, stop, err := start(bin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "FAIL: %v\n", err)
		os.Exit(1)
	}
	return s, stop
}

func start(bin string) (*Server, func(), error) {
	port, err := freePort()
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--host", "127.0.0.1",
		"--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("start dynalite: %w", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	stop := func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "listening") {
				ready <- nil
				_, _ = io.Copy(io.Discard, out)
				return
			}
		}
		ready <- errors.New("dynalite exited before listening")
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	select {
	case err = <-ready:
	case <-ctx.Done():
		err = errors.New("dynalite did not start within 30s")
	}
	if err != nil {
		stop()
		return nil, nil, err
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	return &Server{Addr: addr, Endpoint: "http://" + addr}, stop, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
