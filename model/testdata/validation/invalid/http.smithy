$version: "2"
namespace ex

@http(method: "GET", uri: "/things/{id}/{rest+}/{extra}")
@readonly
operation GetThing {
    input := {
        @httpLabel
        id: String

        @required
        @httpLabel
        rest: Integer

        @required
        @httpLabel
        nowhere: String
    }
}
