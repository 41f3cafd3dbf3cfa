$version: "1.0"
namespace ex

@mixin
structure Base {}

resource Widget {
    identifiers: {id: String}
    properties: {name: String}
}
