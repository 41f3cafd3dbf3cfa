$version: "2"
namespace ex

set Names {
    member: String
}

@box
integer Count
