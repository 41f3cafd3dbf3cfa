$version: "2"
namespace ex

@mixin
structure Base {
    @documentation("base")
    @tags(["a"])
    id: String
}

// An apply statement replaces the inherited traits of a mixin member.
structure Thing with [Base] {}

apply Thing$id {
    @documentation("specific")
    @tags(["b"])
}

// So does an elided member with traits.
structure Other with [Base] {
    @documentation("elided")
    $id
}

// And a redefined member, which must keep the target.
structure Third with [Base] {
    @documentation("redefined")
    id: String
}
