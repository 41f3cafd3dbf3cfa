// Package smithygen generates Go clients from Smithy service models.
//
// The generator is cmd/gen; the model loader is package model and the
// emitters are package templates. Generated clients live under generated/.
package smithygen

//go:generate go run ./cmd/gen
