$version: "2"
namespace ex

@mixin
structure Named {
    name: String
}

structure Person with [Named] {
    age: Integer = 0
}

enum Color {
    RED
}

resource Widget {
    identifiers: {id: String}
    properties: {name: String}
}
