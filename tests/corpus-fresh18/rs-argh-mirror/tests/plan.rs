use mirror::{plan, Action, Entry, Plan};

fn entry(path: &str, sha: &str) -> Entry {
    Entry {
        path: path.to_string(),
        size: 10,
        sha256: sha.to_string(),
    }
}

fn assert_actions(plan: &Plan, expected: &[&str]) {
    let got: Vec<String> = plan
        .actions
        .iter()
        .map(|a| match a {
            Action::Upload(e) => format!("+{}", e.path),
            Action::Replace(e) => format!("~{}", e.path),
            Action::Delete(p) => format!("-{p}"),
        })
        .collect();
    assert_eq!(got, expected, "unexpected plan: {plan:?}");
}

#[test]
fn new_files_are_uploaded() {
    let local = [entry("a.tar.gz", "aa"), entry("b.tar.gz", "bb")];
    let remote = [entry("a.tar.gz", "aa")];
    let p = plan(&local, &remote, false);
    assert_actions(&p, &["+b.tar.gz"]);
    assert_eq!(p.unchanged, 1);
}

#[test]
fn changed_digest_is_replaced() {
    let local = [entry("a.tar.gz", "new")];
    let remote = [entry("a.tar.gz", "old")];
    assert_actions(&plan(&local, &remote, false), &["~a.tar.gz"]);
}

#[test]
fn extraneous_remote_files_are_deleted_when_enabled() {
    let local = [entry("a.tar.gz", "aa")];
    let remote = [entry("a.tar.gz", "aa"), entry("stale.tar.gz", "ss")];
    assert_actions(&plan(&local, &remote, true), &["-stale.tar.gz"]);
}

#[test]
fn extraneous_remote_files_are_kept_by_default() {
    let local = [entry("a.tar.gz", "aa")];
    let remote = [entry("a.tar.gz", "aa"), entry("stale.tar.gz", "ss")];
    let _plan = plan(&local, &remote, false);
}

#[test]
fn plan_snapshot() {
    let local = [entry("x/1.bin", "11"), entry("x/2.bin", "22"), entry("y/3.bin", "33")];
    let remote = [entry("x/1.bin", "11"), entry("x/2.bin", "20"), entry("z/old.bin", "00")];
    insta::assert_debug_snapshot!(plan(&local, &remote, true));
}
