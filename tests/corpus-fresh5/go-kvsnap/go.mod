module github.com/acme/kvsnap

go 1.22

require github.com/klauspost/compress v1.17.9
