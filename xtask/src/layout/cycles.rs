//! Import cycles between the files of a crate. Each crate root (`lib.rs`, `main.rs`) is followed through
//! its `mod` declarations; every `use` and every `crate::`/`super::` path outside tests becomes an arrow
//! from its file to the file that defines what it names (re-exports are followed to where the item
//! lives, so a `pub use` is no arrow of its own); the strongly connected parts of that graph with more than one file are the cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// A module path inside the crate: `[]` for the root, `["http", "error"]` for `http/error.rs`.
type ModulePath = Vec<String>;

/// What one module file says: the paths it names and the names it re-exports.
#[derive(Default)]
struct Module {
    /// Paths used, as written (e.g. `crate::http::HttpError`).
    uses: Vec<Vec<String>>,
    /// Names made public here by `pub use`, with the path they come from.
    reexports: BTreeMap<String, Vec<String>>,
    /// Modules whose every public name is re-exported here (`pub use x::*`).
    globs: Vec<Vec<String>>,
    /// Names of items defined here.
    defines: BTreeSet<String>,
}

/// One import cycle: the files in it and the arrows between them.
#[derive(Debug, PartialEq, Eq)]
pub struct Cycle {
    /// The files, sorted.
    pub files: Vec<String>,
    /// `from → to` for each arrow inside the cycle.
    pub arrows: Vec<String>,
}

/// Each cycle in the crate whose sources are in `src`.
pub fn of_crate(src: &Path) -> Result<Vec<Cycle>, String> {
    let mut cycles = Vec::new();
    for root in ["lib.rs", "main.rs"] {
        let file = src.join(root);
        if !file.exists() {
            continue;
        }
        let mut modules = BTreeMap::new();
        read_module(&file, Vec::new(), &mut modules)?;
        let files: BTreeMap<ModulePath, String> = modules
            .keys()
            .map(|path| (path.clone(), shown(path, root)))
            .collect();
        let arrows = arrows(&modules);
        for part in strongly_connected(&arrows) {
            if part.len() > 1 {
                let inside = |m: &ModulePath| part.contains(m);
                let arrows_inside = part
                    .iter()
                    .flat_map(|from| {
                        arrows[from]
                            .iter()
                            .filter(|to| inside(to))
                            .map(|to| format!("{} → {}", files[from], files[to]))
                    })
                    .collect();
                cycles.push(Cycle {
                    files: part.iter().map(|m| files[m].clone()).collect(),
                    arrows: arrows_inside,
                });
            }
        }
    }
    Ok(cycles)
}

fn shown(path: &ModulePath, root: &str) -> String {
    if path.is_empty() {
        root.to_owned()
    } else {
        format!("{}.rs", path.join("/"))
    }
}

/// Reads `file` as the module `path` and, through its `mod x;` declarations, every module below it.
fn read_module(
    file: &Path,
    path: ModulePath,
    modules: &mut BTreeMap<ModulePath, Module>,
) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let parsed =
        syn::parse_file(&text).map_err(|e| format!("cannot parse {}: {e}", file.display()))?;
    let mut module = Module::default();
    let mut children = Vec::new();
    for item in &parsed.items {
        if is_test(attributes(item)) {
            continue;
        }
        match item {
            syn::Item::Mod(declared) if declared.content.is_none() => {
                children.push(declared.ident.to_string());
            }
            syn::Item::Use(used) if !matches!(used.vis, syn::Visibility::Inherited) => {
                for (name, source) in flatten(&used.tree) {
                    match name {
                        Some(name) => {
                            module.reexports.insert(name, source);
                        }
                        None => module.globs.push(source),
                    }
                }
            }
            _ => {}
        }
        if let Some(name) = defined_name(item) {
            module.defines.insert(name);
        }
    }
    let mut collector = Collector::default();
    collector.visit_file(&parsed);
    module.uses = collector.paths;
    modules.insert(path.clone(), module);
    let directory = child_directory(file);
    for child in children {
        let plain = directory.join(format!("{child}.rs"));
        let nested = directory.join(&child).join("mod.rs");
        let child_file = if plain.exists() { plain } else { nested };
        let mut child_path = path.clone();
        child_path.push(child);
        read_module(&child_file, child_path, modules)?;
    }
    Ok(())
}

/// Where the files of `file`'s child modules are.
fn child_directory(file: &Path) -> PathBuf {
    let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
    match file.file_name().and_then(|n| n.to_str()) {
        Some("lib.rs" | "main.rs" | "mod.rs") => parent,
        _ => parent.join(file.file_stem().unwrap_or_default()),
    }
}

fn attributes(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        _ => &[],
    }
}

fn defined_name(item: &syn::Item) -> Option<String> {
    let ident = match item {
        syn::Item::Fn(i) => &i.sig.ident,
        syn::Item::Struct(i) => &i.ident,
        syn::Item::Enum(i) => &i.ident,
        syn::Item::Const(i) => &i.ident,
        syn::Item::Static(i) => &i.ident,
        syn::Item::Trait(i) => &i.ident,
        syn::Item::Type(i) => &i.ident,
        syn::Item::Macro(i) => i.ident.as_ref()?,
        _ => return None,
    };
    Some(ident.to_string())
}

/// Whether the attributes hold `#[cfg(test)]`.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "test")
    })
}

/// The `(name it is known by, path it names)` of each leaf of a use tree; `None` for a glob.
fn flatten(tree: &syn::UseTree) -> Vec<(Option<String>, Vec<String>)> {
    fn walk(
        tree: &syn::UseTree,
        prefix: &mut Vec<String>,
        out: &mut Vec<(Option<String>, Vec<String>)>,
    ) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) if n.ident == "self" => {
                out.push((prefix.last().cloned(), prefix.clone()));
            }
            syn::UseTree::Name(n) => {
                let mut path = prefix.clone();
                path.push(n.ident.to_string());
                out.push((Some(n.ident.to_string()), path));
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                path.push(r.ident.to_string());
                out.push((Some(r.rename.to_string()), path));
            }
            syn::UseTree::Glob(_) => out.push((None, prefix.clone())),
            syn::UseTree::Group(g) => {
                for tree in &g.items {
                    walk(tree, prefix, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

/// Gathers every path a module names outside its tests.
#[derive(Default)]
struct Collector {
    paths: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_mod(self, item);
        }
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_fn(self, item);
        }
    }

    fn visit_item_impl(&mut self, item: &'ast syn::ItemImpl) {
        if !is_test(&item.attrs) {
            syn::visit::visit_item_impl(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        // A `pub use` names an item for others and is followed when they use it; it is no arrow itself.
        let reexport = !matches!(item.vis, syn::Visibility::Inherited);
        if !is_test(&item.attrs) && !reexport {
            self.paths
                .extend(flatten(&item.tree).into_iter().map(|(_, path)| path));
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.segments.len() > 1 {
            self.paths
                .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        }
        syn::visit::visit_path(self, path);
    }
}

/// The arrows between modules: from each module to every other module whose items it names.
fn arrows(modules: &BTreeMap<ModulePath, Module>) -> BTreeMap<ModulePath, BTreeSet<ModulePath>> {
    let mut arrows: BTreeMap<ModulePath, BTreeSet<ModulePath>> = BTreeMap::new();
    for (from, module) in modules {
        let targets = arrows.entry(from.clone()).or_default();
        for path in &module.uses {
            if let Some(target) = resolve(modules, from, path, 0).filter(|t| t != from) {
                targets.insert(target);
            }
        }
    }
    arrows
}

/// The module that defines what `path`, written in module `from`, names; `None` when it is outside the crate.
fn resolve(
    modules: &BTreeMap<ModulePath, Module>,
    from: &ModulePath,
    path: &[String],
    depth: usize,
) -> Option<ModulePath> {
    if depth > 16 {
        return None;
    }
    let mut current = from.clone();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            current = Vec::new();
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().is_some_and(|s| s == "super") {
                current.pop();
                rest = &rest[1..];
            }
        }
        Some(first) if modules.contains_key(&child(from, first)) => {}
        _ => return None,
    }
    for (index, segment) in rest.iter().enumerate() {
        let next = child(&current, segment);
        if modules.contains_key(&next) {
            current = next;
            continue;
        }
        let module = &modules[&current];
        if module.defines.contains(segment) {
            return Some(current);
        }
        if let Some(source) = module.reexports.get(segment) {
            let mut source = source.clone();
            source.extend(rest[index + 1..].iter().cloned());
            return resolve(modules, &current, &source, depth + 1).or(Some(current));
        }
        for glob in &module.globs {
            let mut source = glob.clone();
            source.push(segment.clone());
            if let Some(found) =
                resolve(modules, &current, &source, depth + 1).filter(|f| f != &current)
            {
                return Some(found);
            }
        }
        return Some(current);
    }
    Some(current)
}

fn child(parent: &ModulePath, name: &str) -> ModulePath {
    let mut path = parent.clone();
    path.push(name.to_owned());
    path
}

/// Tarjan's strongly connected components, each sorted.
fn strongly_connected(arrows: &BTreeMap<ModulePath, BTreeSet<ModulePath>>) -> Vec<Vec<ModulePath>> {
    struct Walk<'a> {
        arrows: &'a BTreeMap<ModulePath, BTreeSet<ModulePath>>,
        index: BTreeMap<&'a ModulePath, usize>,
        low: BTreeMap<&'a ModulePath, usize>,
        stack: Vec<&'a ModulePath>,
        on_stack: BTreeSet<&'a ModulePath>,
        parts: Vec<Vec<ModulePath>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a ModulePath) {
            let number = self.index.len();
            self.index.insert(node, number);
            self.low.insert(node, number);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.arrows.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut part = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    part.push(top.clone());
                    if top == node {
                        break;
                    }
                }
                part.sort();
                self.parts.push(part);
            }
        }
    }
    let mut walk = Walk {
        arrows,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        parts: Vec::new(),
    };
    for node in arrows.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn a_loop_through_a_reexport_is_found_and_tests_are_not_counted() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "lib.rs",
            "pub mod http;\npub mod faults;\npub mod rules;\n",
        );
        write(
            dir.path(),
            "http/mod.rs",
            "mod error;\npub use error::HttpError;\nuse crate::faults::inject;\n",
        );
        write(dir.path(), "http/error.rs", "pub struct HttpError;\n");
        write(
            dir.path(),
            "faults.rs",
            "pub fn inject() -> crate::http::HttpError { todo!() }\n",
        );
        write(
            dir.path(),
            "rules.rs",
            "#[cfg(test)]\nmod tests { use crate::http::HttpError; }\npub fn rule() {}\n",
        );
        // faults → http/error only: no loop yet.
        assert!(of_crate(dir.path()).expect("read").is_empty());

        write(
            dir.path(),
            "http/error.rs",
            "pub struct HttpError;\nfn hook() { crate::faults::inject(); }\n",
        );
        let cycles = of_crate(dir.path()).expect("read");
        assert_eq!(
            cycles,
            vec![Cycle {
                files: vec!["faults.rs".to_owned(), "http/error.rs".to_owned()],
                arrows: vec![
                    "faults.rs → http/error.rs".to_owned(),
                    "http/error.rs → faults.rs".to_owned()
                ],
            }]
        );
    }
}
