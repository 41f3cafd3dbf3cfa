package model

import (
	"strings"

	"github.com/tidwall/gjson"
)

// Rules that depend on the Smithy version of the file a shape or trait is
// written in: 1.0 has no mixins, enum shapes, resource properties or
// @default; 2.0 has no set shapes and no @box, and deprecates @enum.

func (s *Source) isV1() bool { return s != nil && strings.HasPrefix(s.version, "1") }
func (s *Source) isV2() bool { return s != nil && strings.HasPrefix(s.version, "2") }

func (s *Source) versionName() string {
	if s.isV1() {
		return "1.0"
	}
	return "2.0"
}

// checkShapeVersion checks a shape definition against its file's version.
func (l *loader) checkShapeVersion(src *Source, id string, t Type, v gjson.Result) {
	switch {
	case src.isV1() && (t == Enum || t == IntEnum), src.isV2() && t == Set:
		l.d.add(Pos{src, v.Get("type").Index}, id, "%s shapes cannot be used in Smithy version %s", t, src.versionName())
	}
	if !src.isV1() {
		return
	}
	if mx := v.Get("mixins"); mx.Exists() {
		l.d.add(Pos{src, mx.Index}, id, "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `%s`.", src.versionName())
	}
	if p := v.Get("properties"); p.Exists() && t == Resource {
		l.d.add(Pos{src, p.Index}, id, "Resource properties can only be used with Smithy version 2 or later. Attempted to use resource properties with version `%s`.", src.versionName())
	}
}

// checkTraitVersion checks a trait application against the version of the
// file that applies it.
func (l *loader) checkTraitVersion(owner string, t Trait) {
	src := t.Pos.Src
	switch {
	case src.isV1() && t.ID == "smithy.api#mixin":
		l.d.add(t.Pos, owner, "Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to `%s` in a model file using version `%s`.", owner, src.versionName())
	case src.isV1() && t.ID == "smithy.api#default":
		l.d.add(t.Pos, owner, "The @default trait can only be used in Smithy 2.0 or later")
	case src.isV2() && t.ID == "smithy.api#box":
		l.d.add(t.Pos, owner, "@box is not supported in Smithy IDL 2.0")
	case src.isV2() && t.ID == "smithy.api#enum":
		l.warn(t.Pos, owner, "The enum trait is deprecated. Smithy 2.0 models should use the enum shape.")
	}
}
