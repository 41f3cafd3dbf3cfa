$version: "2"
namespace ex

@mixin
structure Base {
    @documentation("base")
    id: String
}

structure Thing with [Base] {}

apply Thing$id @documentation("first")
apply Thing$id @documentation("second")
