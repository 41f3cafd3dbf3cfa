$version: "2"
namespace ex

structure Thing {
    id: String
}

apply Thing$missing @documentation("nothing here")

apply Nothing @documentation("no such shape")

apply smithy.api#String @sensitive
