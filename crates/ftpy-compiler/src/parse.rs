//! Parsing: `ruff_python_parser` at target version 3.11, and the mapping
//! of its errors to CPython 3.11's `SyntaxError` messages and positions.
//!
//! The parser accepts some code CPython's parser rejects (`return` at
//! module level, duplicate parameters ...): those checks live in the scope
//! pass and in code generation, where CPython has them too. Syntax that is
//! newer than 3.11 (PEP 695 type parameters, PEP 701 f-strings, t-strings,
//! unparenthesized `except` lists) arrives as an "unsupported syntax" error
//! and is reported as the `SyntaxError` CPython 3.11 raises for it.
//!
//! Which error is reported follows CPython: the tokenizer's errors
//! ([`lexcheck`](crate::lexcheck)) win when they come first in the source;
//! a generic `invalid syntax` gives way to any tokenizer error later in the
//! file (CPython tokenizes the rest of the file before reporting one).
//! Parser errors are reworded from the error kind, the recovered AST (the
//! parser builds one even for invalid code) and the tokens around the
//! error: CPython's specific messages (`cannot assign to function call
//! here. Maybe you meant '==' instead of '='?`, `invalid syntax. Perhaps
//! you forgot a comma?`, `expected an indented block after 'if' statement
//! on line 3` ...) come from the same observations its grammar makes.

use ruff_python_ast::token::{Token, TokenKind, Tokens};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, PythonVersion, Stmt};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, ParseOptions,
    UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::SourceMap;
use crate::{fstring311, lexcheck};
use crate::{CompileError, ErrorKind, Mode};

/// A parsed program.
pub(crate) enum Parsed {
    Module(ast::ModModule),
    Expression(ast::ModExpression),
}

/// Parses `map`'s source; the tokenizer's `SyntaxWarning`s are added to
/// `warnings`.
pub(crate) fn parse(
    map: &SourceMap<'_>,
    mode: Mode,
    warnings: &mut Vec<CompileError>,
) -> Result<Parsed, CompileError> {
    let ruff_mode = match mode {
        Mode::Exec | Mode::Single => ruff_python_parser::Mode::Module,
        Mode::Eval => ruff_python_parser::Mode::Expression,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(map.src, options);
    let mut lex = lexcheck::check(map, parsed.tokens());
    warnings.append(&mut lex.warnings);

    let ctx = Ctx {
        map,
        tokens: parsed.tokens(),
        syntax: parsed.syntax(),
    };
    let parse_error = parsed
        .errors()
        .first()
        .map(|e| (e.location.start().to_usize(), ctx.translate(e)));
    let unsupported = parsed
        .unsupported_syntax_errors()
        .first()
        .map(|e| (e.range.start().to_usize(), ctx.translate_unsupported(e)));
    // The earlier of the two parser errors.
    let parser_error = match (parse_error, unsupported) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    // Where the last real token ends: a parser error there is at the end
    // of the input.
    let input_end = parsed
        .tokens()
        .iter()
        .rev()
        .find(|t| {
            !matches!(
                t.kind(),
                TokenKind::EndOfFile
                    | TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Dedent
                    | TokenKind::Comment
            )
        })
        .map_or(0, |t| t.end().to_usize());
    // CPython tokenizes the whole file before reporting a parser error:
    // a tokenizer error anywhere wins, and so does a bracket left open on
    // a line before the error (or at the end of the input).
    // CPython 3.11's own reading of strings and f-strings (see
    // `fstring311`): its tokenizer errors win; its parser's string errors
    // come in source order with the other parser errors.
    let parser_error = match (fstring311::check(map), parser_error) {
        (Some(fstring311::Finding::Tokenizer(e)), _) => Some((0, (e, false))),
        (Some(fstring311::Finding::Parser(at, e)), p) if p.as_ref().is_none_or(|p| at <= p.0) => {
            Some((at, (e, false)))
        }
        (_, p) => p,
    };
    let error = match (lex.first, parser_error) {
        // An indentation error on a line after the parser's: CPython's
        // parser stopped before its tokenizer got there, and the check of
        // the rest of the source after a parser error only reports errors
        // that the tokenizer raises itself, which indentation errors are
        // not (they are a status the parser turns into an exception).
        (Some((_, lerr)), Some((_, (perr, _))))
            if matches!(lerr.kind, ErrorKind::IndentationError | ErrorKind::TabError)
                && perr.lineno < lerr.lineno =>
        {
            Some(perr)
        }
        // `unexpected indent` is reported without that check at all: a
        // tokenizer error later in the source never replaces it.
        (Some((lpos, _)), Some((ppos, (perr, _))))
            if ppos < lpos
                && perr.kind == ErrorKind::IndentationError
                && perr.msg == "unexpected indent" =>
        {
            Some(perr)
        }
        (Some((_, lerr)), _) => Some(lerr),
        (None, Some((ppos, (perr, generic)))) => match lex.unclosed {
            Some(unclosed) if (generic && ppos >= input_end) || unclosed.lineno < perr.lineno => {
                Some(unclosed)
            }
            _ => Some(perr),
        },
        (None, None) => None,
    };
    if let Some(e) = error {
        crate::drop_deep(parsed, map.src.len());
        return Err(e);
    }
    if mode == Mode::Single {
        if let ast::Mod::Module(m) = parsed.syntax() {
            check_single(map, m, parsed.tokens())?;
        }
    }
    let parsed = match parsed.into_syntax() {
        ast::Mod::Module(m) => Parsed::Module(m),
        ast::Mod::Expression(e) => Parsed::Expression(e),
    };
    Ok(parsed)
}

/// `Mode::Single` takes one logical line (`a = 1; b = 2` is fine) or one
/// compound statement.
fn check_single(
    map: &SourceMap<'_>,
    m: &ast::ModModule,
    tokens: &Tokens,
) -> Result<(), CompileError> {
    let Some(first) = m.body.first() else {
        return Ok(());
    };
    let line = map.line_col(first.range().start()).0;
    if m.body[1..]
        .iter()
        .any(|s| map.line_col(s.range().start()).0 != line)
    {
        let at = tokens
            .iter()
            .find(|t| t.kind() == TokenKind::Newline && t.start() >= first.range().start())
            .map_or(first.range().end(), |t| t.start());
        return Err(map.syntax_error(
            "multiple statements found while compiling a single statement",
            TextRange::empty(at),
        ));
    }
    Ok(())
}

/// Everything the error translation looks at.
struct Ctx<'a, 'm> {
    map: &'m SourceMap<'a>,
    tokens: &'m Tokens,
    syntax: &'m ast::Mod,
}

/// CPython's name for an expression in error messages
/// (`_PyPegen_get_expr_name`).
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// Finds the expression with exactly `range` in the recovered AST, and the
/// statement it belongs to.
struct Finder<'x> {
    range: TextRange,
    stmt: Option<&'x Stmt>,
    found: Option<(&'x Expr, Option<&'x Stmt>)>,
    depth: u32,
}

impl<'x> Visitor<'x> for Finder<'x> {
    fn visit_stmt(&mut self, stmt: &'x Stmt) {
        if self.found.is_some() || !stmt.range().contains_range(self.range) || self.depth > 500 {
            return;
        }
        let saved = self.stmt.replace(stmt);
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
        self.stmt = saved;
    }

    fn visit_expr(&mut self, expr: &'x Expr) {
        if self.found.is_some() || self.depth > 500 {
            return;
        }
        if expr.range() == self.range {
            self.found = Some((expr, self.stmt));
            return;
        }
        if expr.range().contains_range(self.range) {
            self.depth += 1;
            visitor::walk_expr(self, expr);
            self.depth -= 1;
        }
    }
}

/// Finds the outermost expression that ends at `pos`, allowing closing
/// parentheses and blanks between its end and `pos` (the target of a
/// misplaced `:=`).
struct EndFinder<'x> {
    pos: usize,
    src: &'x str,
    found: Option<&'x Expr>,
    depth: u32,
}

impl<'x> EndFinder<'x> {
    fn ends_here(&self, e: &Expr) -> bool {
        let end = e.range().end().to_usize();
        end <= self.pos
            && self
                .src
                .get(end..self.pos)
                .is_some_and(|gap| gap.chars().all(|c| c == ')' || c.is_whitespace()))
    }
}

impl<'x> Visitor<'x> for EndFinder<'x> {
    fn visit_stmt(&mut self, stmt: &'x Stmt) {
        if self.found.is_some() || self.depth > 500 {
            return;
        }
        if stmt.range().start().to_usize() > self.pos {
            return;
        }
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'x Expr) {
        if self.found.is_some() || self.depth > 500 {
            return;
        }
        if self.ends_here(expr) {
            self.found = Some(expr);
            return;
        }
        if expr.range().start().to_usize() < self.pos {
            self.depth += 1;
            visitor::walk_expr(self, expr);
            self.depth -= 1;
        }
    }
}

/// Finds the key of a dict display that ends at `pos`, allowing closing
/// parentheses and blanks in between (`{1: 2, (3)}`): the innermost one.
struct DictKeyFinder<'x> {
    pos: usize,
    src: &'x str,
    found: Option<&'x Expr>,
    depth: u32,
}

impl<'x> Visitor<'x> for DictKeyFinder<'x> {
    fn visit_stmt(&mut self, stmt: &'x Stmt) {
        if self.depth > 500 || !stmt.range().contains(TextSize::new(self.pos as u32)) {
            return;
        }
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
    }

    fn visit_expr(&mut self, expr: &'x Expr) {
        let r = expr.range();
        if self.depth > 500 || r.start().to_usize() > self.pos || r.end().to_usize() < self.pos {
            return;
        }
        if let Expr::Dict(d) = expr {
            for key in d.items.iter().filter_map(|i| i.key.as_ref()) {
                let end = key.range().end().to_usize();
                let gap = self.src.get(end..self.pos);
                if end <= self.pos
                    && gap.is_some_and(|g| g.chars().all(|c| c == ')' || c.is_whitespace()))
                {
                    self.found = Some(key);
                }
            }
        }
        self.depth += 1;
        visitor::walk_expr(self, expr);
        self.depth -= 1;
    }
}

/// Finds the last `try` statement without `except` or `finally` that
/// ends at or before `pos` (the one the parser complains about).
struct TryFinder {
    pos: TextSize,
    found: Option<TextRange>,
    depth: u32,
}

impl<'x> Visitor<'x> for TryFinder {
    fn visit_stmt(&mut self, stmt: &'x Stmt) {
        if self.depth > 500 || stmt.range().start() > self.pos {
            return;
        }
        if let Stmt::Try(t) = stmt {
            if t.handlers.is_empty()
                && t.finalbody.is_empty()
                && t.range.end() <= self.pos
                && self.found.is_none_or(|r| r.end() <= t.range.end())
            {
                self.found = Some(t.range);
            }
        }
        self.depth += 1;
        visitor::walk_stmt(self, stmt);
        self.depth -= 1;
    }

    fn visit_expr(&mut self, _expr: &'x Expr) {}
}

fn is_expr_start(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Not
            | TokenKind::Lambda
            | TokenKind::Await
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
    ) || kind.is_soft_keyword()
}

fn is_expr_end(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
    ) || kind.is_soft_keyword()
}

fn is_trivia(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::NonLogicalNewline | TokenKind::Comment)
}

impl Ctx<'_, '_> {
    fn syntax(&self, msg: impl Into<String>, range: TextRange) -> (CompileError, bool) {
        (self.map.syntax_error(msg, range), false)
    }

    fn generic(&self, range: TextRange) -> (CompileError, bool) {
        (self.map.syntax_error("invalid syntax", range), true)
    }

    /// The key of a dict display ending right before `pos` (see
    /// [`DictKeyFinder`]).
    fn dict_key_before(&self, pos: TextSize) -> Option<&Expr> {
        let mut f = DictKeyFinder {
            pos: pos.to_usize(),
            src: self.map.src,
            found: None,
            depth: 0,
        };
        self.walk(&mut f);
        f.found
    }

    /// `{1: 2, 3}`: CPython's `invalid_kvpair` points at the last
    /// character of the key, with no end (`end_offset` 0).
    fn dict_key_without_colon(&self, at: TextRange) -> Option<(CompileError, bool)> {
        let key = self.dict_key_before(at.start())?;
        let map = self.map;
        let (line, _) = map.line_col(key.range().start());
        let (end_line, end_col) = map.line_col(key.range().end());
        let mut e = map.syntax_error("':' expected after dictionary key", key.range());
        e.lineno = line;
        e.offset = map.char_offset(end_line, end_col).saturating_sub(1);
        e.end_lineno = end_line;
        e.end_offset = 0;
        Some((e, false))
    }

    /// `{1: }`, `{1: , 2: 3}`: a dict key and `:` followed by `}` or `,`;
    /// CPython points at the `:`.
    fn dict_value_missing(&self, at: TextRange) -> Option<(CompileError, bool)> {
        let i = self.token_index(at.start());
        if !matches!(self.token(i)?.kind(), TokenKind::Rbrace | TokenKind::Comma) {
            return None;
        }
        let (c, colon) = self.prev_token(i)?;
        if colon.kind() != TokenKind::Colon {
            return None;
        }
        self.dict_key_before(self.tokens[c].start())?;
        Some(self.syntax(
            "expression expected after dictionary key and ':'",
            self.tokens[c].range(),
        ))
    }

    /// `try:` with neither `except` nor `finally`: CPython reports it at
    /// the token after the block. A statement at the `try`'s level (or
    /// deeper) is marked; a dedent further out points before the next
    /// statement's column with no end; the end of the input points past
    /// the last line.
    fn try_without_handlers(&self, at: TextRange) -> (CompileError, bool) {
        const MSG: &str = "expected 'except' or 'finally' block";
        let map = self.map;
        let mut f = TryFinder {
            pos: at.start(),
            found: None,
            depth: 0,
        };
        if let ast::Mod::Module(m) = self.syntax {
            for s in &m.body {
                f.visit_stmt(s);
            }
        }
        let Some(try_range) = f.found else {
            return self.syntax(MSG, TextRange::empty(at.start()));
        };
        let try_col = map.line_col(try_range.start()).1;
        let i = self.token_index(try_range.end());
        let next = self.tokens[i.min(self.tokens.len())..].iter().find(|t| {
            !matches!(
                t.kind(),
                TokenKind::Newline
                    | TokenKind::NonLogicalNewline
                    | TokenKind::Comment
                    | TokenKind::Indent
                    | TokenKind::Dedent
            )
        });
        match next {
            Some(t) if t.kind() != TokenKind::EndOfFile => {
                let (line, col) = map.line_col(t.start());
                if col >= try_col {
                    return self.syntax(MSG, t.range());
                }
                let mut e = map.syntax_error(MSG, t.range());
                e.offset = map.char_offset(line, col).saturating_sub(1);
                e.end_lineno = line;
                e.end_offset = -1;
                (e, false)
            }
            _ => {
                let src = map.src;
                let end = src
                    .strip_suffix("\r\n")
                    .or_else(|| src.strip_suffix('\n'))
                    .unwrap_or(src)
                    .len();
                let (line, col) = map.line_col(TextSize::new(end as u32));
                let mut e = map.syntax_error(MSG, TextRange::empty(TextSize::new(end as u32)));
                e.lineno = line;
                e.offset = map.char_offset(line, col);
                e.end_lineno = line;
                e.end_offset = -1;
                (e, false)
            }
        }
    }

    /// Visits every statement of the parsed source (or its expression).
    fn walk<'b>(&'b self, v: &mut impl Visitor<'b>) {
        match self.syntax {
            ast::Mod::Module(m) => {
                for s in &m.body {
                    v.visit_stmt(s);
                }
            }
            ast::Mod::Expression(e) => v.visit_expr(&e.body),
        }
    }

    fn find_expr(&self, range: TextRange) -> Option<(&Expr, Option<&Stmt>)> {
        let mut f = Finder {
            range,
            stmt: None,
            found: None,
            depth: 0,
        };
        self.walk(&mut f);
        f.found
    }

    fn text(&self, range: TextRange) -> &str {
        self.map
            .src
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    /// The index of the first token starting at or after `offset`.
    fn token_index(&self, offset: TextSize) -> usize {
        self.tokens.partition_point(|t| t.start() < offset)
    }

    fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// Where the expression list that `invalid_legacy_expression` reads
    /// after `print`/`exec` ends, starting at token `i`: the longest
    /// prefix of the rest of the logical line that parses as one (a few
    /// tries, cutting at each parse error), or None.
    fn legacy_operand_end(&self, i: usize) -> Option<TextSize> {
        let start = self.token(i)?.start();
        let end = self.tokens[i..]
            .iter()
            .find(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile))
            .map_or(self.map.src.len(), |t| t.start().to_usize());
        let mut text = self.map.src.get(start.to_usize()..end)?;
        for _ in 0..4 {
            let trimmed = text.trim_end();
            if trimmed.is_empty() {
                return None;
            }
            let options = ParseOptions::from(ruff_python_parser::Mode::Expression)
                .with_target_version(PythonVersion::PY311);
            let parsed = ruff_python_parser::parse_unchecked(trimmed, options);
            match parsed.errors().first() {
                None => return Some(start + TextSize::new(trimmed.len() as u32)),
                Some(e) => {
                    let at = e.location.start().to_usize().min(trimmed.len());
                    text = trimmed.get(..at)?;
                }
            }
        }
        None
    }

    /// The previous non-trivia token before index `i`.
    fn prev_token(&self, i: usize) -> Option<(usize, &Token)> {
        (0..i)
            .rev()
            .map(|j| (j, &self.tokens[j]))
            .find(|(_, t)| !is_trivia(t.kind()))
    }

    /// The bracket depth just before token `i`.
    fn depth_at(&self, i: usize) -> i32 {
        let mut d = 0;
        for t in &self.tokens[..i.min(self.tokens.len())] {
            match t.kind() {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => d += 1,
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => d -= 1,
                _ => {}
            }
        }
        d
    }

    /// The start of the expression (a "disjunction") that ends with token
    /// `end`, scanning back at the same bracket depth.
    fn expr_start_before(&self, end: usize) -> usize {
        let mut depth = 0i32;
        let mut start = end;
        let mut j = end as isize;
        while j >= 0 {
            let t = &self.tokens[j as usize];
            match t.kind() {
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                TokenKind::Comma
                | TokenKind::Colon
                | TokenKind::Equal
                | TokenKind::ColonEqual
                | TokenKind::Semi
                | TokenKind::Newline
                | TokenKind::Indent
                | TokenKind::Dedent
                | TokenKind::If
                | TokenKind::Else
                | TokenKind::For
                | TokenKind::Lambda
                | TokenKind::Yield
                | TokenKind::Return
                | TokenKind::Async
                | TokenKind::Star
                | TokenKind::DoubleStar
                    if depth == 0 =>
                {
                    // `*`/`**` as an operator stay inside the expression.
                    let binary = matches!(t.kind(), TokenKind::Star | TokenKind::DoubleStar)
                        && self
                            .prev_token(j as usize)
                            .is_some_and(|(_, p)| is_expr_end(p.kind()));
                    if !binary {
                        break;
                    }
                }
                k if is_trivia(k) => {}
                _ => {}
            }
            if !is_trivia(t.kind()) {
                start = j as usize;
            }
            j -= 1;
        }
        start
    }

    /// CPython's "Perhaps you forgot a comma?" and "Missing parentheses in
    /// call to 'print'", for an error at the start of token `i`.
    fn juxtaposition(&self, i: usize) -> Option<(CompileError, bool)> {
        let tok = self.token(i)?;
        if !is_expr_start(tok.kind()) {
            return None;
        }
        let (p, prev) = self.prev_token(i)?;
        if !is_expr_end(prev.kind()) {
            return None;
        }
        let start = self.expr_start_before(p);
        let first = self.token(start)?;
        let first_text = self.text(first.range());
        let legacy =
            start == p && first.kind() == TokenKind::Name && matches!(first_text, "print" | "exec");
        if legacy {
            // `print x` (CPython's `invalid_legacy_expression`: the name,
            // no `(`, then something that starts as an expression list).
            if tok.kind() != TokenKind::Lpar {
                if let Some(end) = self.legacy_operand_end(i) {
                    return Some(self.syntax(
                        format!(
                            "Missing parentheses in call to '{first_text}'. Did you mean {first_text}(...)?"
                        ),
                        TextRange::new(first.start(), end),
                    ));
                }
            }
            return None;
        }
        if self.depth_at(i) <= 0 {
            return None;
        }
        // `f"..."`-like prefixes (`NAME STRING`) and soft keywords do not
        // count.
        if first.kind() == TokenKind::Name {
            if let Some(second) = self.token(start + 1) {
                if start + 1 == i && second.kind() == TokenKind::String {
                    return None;
                }
            }
        }
        if first.kind().is_soft_keyword() {
            return None;
        }
        Some(self.syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            TextRange::new(first.start(), tok.end()),
        ))
    }

    /// Translates one parser error to CPython's wording and position; the
    /// flag says whether it is a generic `invalid syntax`.
    fn translate(&self, err: &ParseError) -> (CompileError, bool) {
        let range = err.location;
        let map = self.map;
        use ParseErrorType as P;
        match &err.error {
            P::Lexical(lex) => self.translate_lexical(lex, range),
            P::FStringError(e) => self.translate_fstring(e, range),
            P::TStringError(_) => self.generic(range),
            P::UnexpectedIndentation => {
                // CPython puts this one at the end of the indentation.
                let (line, _) = map.line_col(range.start());
                let text = map.line_text(line).unwrap_or("");
                let ws = text
                    .chars()
                    .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
                    .count() as u32;
                let mut e = map.error(ErrorKind::IndentationError, "unexpected indent", range);
                e.offset = ws.max(1);
                e.end_offset = -1;
                e.end_lineno = line;
                (e, false)
            }
            P::ExpectedToken { expected, found } => {
                self.translate_expected(*expected, *found, range)
            }
            P::InvalidAssignmentTarget
            | P::InvalidNamedAssignmentTarget
            | P::InvalidAugmentedAssignmentTarget
            | P::InvalidAnnotatedAssignmentTarget
            | P::InvalidDeleteTarget => self.invalid_target(&err.error, range),
            P::NonDefaultParamAfterDefaultParam => {
                self.syntax("non-default argument follows default argument", range)
            }
            P::ParamAfterVarKeywordParam => {
                self.syntax("arguments cannot follow var-keyword argument", range)
            }
            P::VarParameterWithDefault => {
                let what = if self.text(range).starts_with("**") {
                    "var-keyword"
                } else {
                    "var-positional"
                };
                self.syntax(format!("{what} argument cannot have default value"), range)
            }
            P::ExpectedKeywordParam => self.syntax("named arguments must follow bare *", range),
            P::PositionalAfterKeywordArgument => self.syntax(
                "positional argument follows keyword argument",
                TextRange::empty(range.end()),
            ),
            P::PositionalAfterKeywordUnpacking => self.syntax(
                "positional argument follows keyword argument unpacking",
                TextRange::empty(range.end()),
            ),
            P::InvalidArgumentUnpackingOrder => self.syntax(
                "iterable argument unpacking follows keyword argument unpacking",
                range,
            ),
            P::IterableUnpackingInComprehension => {
                self.syntax("iterable unpacking cannot be used in comprehension", range)
            }
            P::UnparenthesizedGeneratorExpression => {
                self.syntax("Generator expression must be parenthesized", range)
            }
            P::ExpectedImaginaryNumber => {
                self.syntax("imaginary number required in complex literal", range)
            }
            P::ExpectedRealNumber => self.syntax("real number required in complex literal", range),
            P::EmptyImportNames
            | P::EmptyDeleteTargets
            | P::EmptyGlobalNames
            | P::EmptyNonlocalNames => self.generic(TextRange::empty(range.start())),
            P::InvalidMatchPatternTarget => {
                let before = self.map.src[..range.start().to_usize()].trim_end();
                if before.ends_with("**") {
                    self.generic(range)
                } else if self.text(range) == "_" {
                    self.syntax("cannot use '_' as a target", range)
                } else {
                    self.syntax("invalid pattern target", range)
                }
            }
            P::InvalidStarPatternUsage => {
                // CPython stops at the token after the star pattern.
                let i = self.token_index(range.end());
                let at = self.token(i).map_or(range.end(), |t| t.start());
                let end = self.token(i).map_or(range.end(), |t| t.end());
                self.generic(TextRange::new(at, end))
            }
            P::InvalidStarredExpressionUsage => {
                // CPython names only `(*a)` and `{k: *v}`; elsewhere the
                // `*` is plain invalid syntax.
                let src = self.map.src;
                let before = src[..range.start().to_usize()].trim_end();
                let after = src[range.end().to_usize()..].trim_start();
                if before.ends_with('(') && after.starts_with(')') {
                    self.syntax("cannot use starred expression here", range)
                } else if before.ends_with(':')
                    && (after.starts_with('}') || after.starts_with(','))
                    && self.text(range).starts_with('*')
                    && before.contains('{')
                {
                    self.syntax(
                        "cannot use a starred expression in a dictionary value",
                        range,
                    )
                } else {
                    let star = TextRange::at(range.start(), TextSize::new(1));
                    self.generic(star)
                }
            }
            P::OtherError(msg) => self.translate_other(msg, range),
            P::ExpectedExpression => self
                .dict_value_missing(range)
                .unwrap_or_else(|| self.fallback(range)),
            _ => self.fallback(range),
        }
    }

    /// The f-string (start and end token indices) containing token `i`.
    fn enclosing_fstring(&self, i: usize) -> Option<(usize, Option<usize>)> {
        let mut depth = 0i32;
        let mut j = i.min(self.tokens.len()) as isize - 1;
        while j >= 0 {
            match self.tokens[j as usize].kind() {
                TokenKind::FStringEnd => depth += 1,
                TokenKind::FStringStart => {
                    if depth == 0 {
                        let start = j as usize;
                        let mut d = 0i32;
                        let end = (start + 1..self.tokens.len()).find(|&k| {
                            match self.tokens[k].kind() {
                                TokenKind::FStringStart => d += 1,
                                TokenKind::FStringEnd if d == 0 => return true,
                                TokenKind::FStringEnd => d -= 1,
                                _ => {}
                            }
                            false
                        });
                        return Some((start, end));
                    }
                    depth -= 1;
                }
                _ => {}
            }
            j -= 1;
        }
        None
    }

    /// An error inside an f-string, as CPython 3.11 (which parses
    /// f-strings apart) words and places it: just past the f-string.
    fn fstring_error(&self, i: usize, end: Option<usize>) -> (CompileError, bool) {
        let at = match end {
            Some(e) => self.tokens[e].end(),
            None => self
                .tokens
                .get(i)
                .map_or(TextSize::new(self.map.src.len() as u32), |t| t.start()),
        };
        let tok = self.token(i).map(|t| t.kind());
        let prev = self.prev_token(i).map(|(_, t)| t.kind());
        let msg = match (prev, tok) {
            (Some(TokenKind::Lbrace), Some(TokenKind::Rbrace)) => {
                "f-string: empty expression not allowed"
            }
            (
                Some(TokenKind::Lbrace),
                Some(TokenKind::FStringEnd | TokenKind::EndOfFile) | None,
            ) => "f-string: expecting '}'",
            (Some(TokenKind::Lbrace), Some(TokenKind::Exclamation)) => {
                "f-string: expression required before '!'"
            }
            _ => "f-string: invalid syntax",
        };
        (self.map.syntax_error(msg, TextRange::empty(at)), false)
    }

    /// A generic error, unless the tokens around it say more.
    fn fallback(&self, range: TextRange) -> (CompileError, bool) {
        let i = self.token_index(range.start());
        if let Some(e) = self.misplaced_walrus(i) {
            return e;
        }
        if let Some((_, end)) = self.enclosing_fstring(i) {
            return self.fstring_error(i, end);
        }
        if let Some(e) = self.juxtaposition(i) {
            return e;
        }
        if let Some(e) = self.assignment_in_condition(i) {
            return e;
        }
        if self
            .token(i)
            .is_none_or(|t| t.kind() == TokenKind::EndOfFile)
        {
            return (
                self.map.syntax_error(
                    "unexpected EOF while parsing",
                    TextRange::empty(range.start()),
                ),
                true,
            );
        }
        self.generic(range)
    }

    /// `x.y := 1`, `lambda: x := 1`: a `:=` whose target is not a name.
    fn misplaced_walrus(&self, i: usize) -> Option<(CompileError, bool)> {
        let tok = self.token(i)?;
        if tok.kind() != TokenKind::ColonEqual {
            return None;
        }
        let mut f = EndFinder {
            pos: tok.start().to_usize(),
            src: self.map.src,
            found: None,
            depth: 0,
        };
        self.walk(&mut f);
        let target = f.found?;
        if matches!(target, Expr::Name(_)) {
            return None;
        }
        Some(self.syntax(
            format!(
                "cannot use assignment expressions with {}",
                expr_name(target)
            ),
            target.range(),
        ))
    }

    /// `if x = 1:` (and `elif`, `while`).
    fn assignment_in_condition(&self, i: usize) -> Option<(CompileError, bool)> {
        let tok = self.token(i)?;
        if tok.kind() != TokenKind::Equal {
            return None;
        }
        let (n, name) = self.prev_token(i)?;
        if name.kind() != TokenKind::Name {
            return None;
        }
        let (_, kw) = self.prev_token(n)?;
        if !matches!(
            kw.kind(),
            TokenKind::If | TokenKind::Elif | TokenKind::While
        ) {
            return None;
        }
        Some(self.syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            TextRange::new(name.start(), self.bitwise_or_end(i + 1, tok.end())),
        ))
    }

    /// Where the `bitwise_or` expression starting at token `i` ends (CPython
    /// underlines `x = 3` of `if x = 3:` up to it): the last token before
    /// a comparison, boolean or conditional operator, or a delimiter, at
    /// bracket depth 0; `fallback` when there is none.
    fn bitwise_or_end(&self, i: usize, fallback: TextSize) -> TextSize {
        use TokenKind as T;
        let mut end = fallback;
        let mut depth = 0;
        for t in self.tokens.iter().skip(i) {
            let k = t.kind();
            if is_trivia(k) {
                continue;
            }
            match k {
                T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
                T::Rpar | T::Rsqb | T::Rbrace if depth == 0 => break,
                T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
                T::Newline | T::EndOfFile => break,
                T::Colon
                | T::Comma
                | T::Equal
                | T::ColonEqual
                | T::EqEqual
                | T::NotEqual
                | T::Less
                | T::Greater
                | T::LessEqual
                | T::GreaterEqual
                | T::In
                | T::Not
                | T::Is
                | T::And
                | T::Or
                | T::If
                | T::Else
                | T::Semi
                    if depth == 0 =>
                {
                    break
                }
                _ => {}
            }
            end = t.end();
        }
        end
    }

    fn translate_other(&self, msg: &str, range: TextRange) -> (CompileError, bool) {
        if let Some(rest) = msg.strip_prefix("Expected an indented block after ") {
            return self.expected_block(rest, range);
        }
        match msg {
            "Star import must be the only import" => {
                // CPython's grammar stops at the token after `*`.
                let i = self.token_index(range.start());
                let after = (i + 1..self.tokens.len())
                    .map(|j| &self.tokens[j])
                    .find(|t| !is_trivia(t.kind()));
                match after {
                    Some(t) => self.generic(t.range()),
                    None => self.generic(range),
                }
            }
            "Expected `except` or `finally` after `try` block" => self.try_without_handlers(range),
            "Cannot have both 'except' and 'except*' on the same 'try'" => {
                // CPython marks the clause's `except` / `except*` keyword.
                let mut i = self.token_index(range.start());
                while self
                    .token(i)
                    .is_some_and(|t| t.kind() != TokenKind::Except && t.start() == range.start())
                {
                    i += 1;
                }
                let end = match (self.token(i), self.token(i + 1)) {
                    (Some(_), Some(star)) if star.kind() == TokenKind::Star => star.end(),
                    (Some(kw), _) => kw.end(),
                    _ => range.end(),
                };
                self.syntax(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    TextRange::new(range.start(), end),
                )
            }
            "Expected one or more exception types" => {
                self.syntax("expected one or more exception types", range)
            }
            "Positional patterns cannot follow keyword patterns" => {
                self.syntax("positional patterns follow keyword patterns", range)
            }
            "Only one '*' parameter allowed" | "Only one '*' separator allowed" => {
                self.syntax("* argument may appear only once", range)
            }
            "Only one '**' parameter allowed" => {
                self.syntax("arguments cannot follow var-keyword argument", range)
            }
            "Only one '/' separator allowed" => self.syntax("/ may appear only once", range),
            "Only single target (not tuple) can be annotated" => {
                self.syntax("only single target (not tuple) can be annotated", range)
            }
            "Only single target (not list) can be annotated" => {
                self.syntax("only single target (not list) can be annotated", range)
            }
            "Trailing comma not allowed" => {
                let i = self.token_index(range.start());
                let stmt_is_import = (0..i).rev().map(|j| self.tokens[j].kind()).find(|k| {
                    matches!(k, TokenKind::Newline | TokenKind::Import | TokenKind::With)
                }) == Some(TokenKind::Import);
                let after = self.token(i + 1).map_or(range.end(), |t| t.start());
                if stmt_is_import {
                    self.syntax(
                        "trailing comma not allowed without surrounding parentheses",
                        TextRange::empty(after),
                    )
                } else {
                    self.generic(TextRange::empty(after))
                }
            }
            "Missing closing parenthesis `)`"
            | "Missing closing bracket `]`"
            | "Missing closing brace `}`" => self.fallback(range),
            _ => self.fallback(range),
        }
    }

    /// `expected an indented block after 'if' statement on line 3`.
    fn expected_block(&self, clause: &str, range: TextRange) -> (CompileError, bool) {
        let what = match clause {
            "`if` statement" => "'if' statement",
            "`else` clause" => "'else' statement",
            "`elif` clause" => "'elif' statement",
            "`for` statement" => "'for' statement",
            "`with` statement" => "'with' statement",
            "`class` definition" => "class definition",
            "`while` statement" => "'while' statement",
            "function definition" => "function definition",
            "`case` block" => "'case' statement",
            "`try` statement" => "'try' statement",
            "`except` clause" => "'except' statement",
            "`finally` clause" => "'finally' statement",
            "`match` statement" => "'match' statement",
            _ => "statement",
        };
        // The header is the logical line before the error: find the
        // newline ending it, then its first token.
        let i = self.token_index(range.start());
        let mut header_line = self.map.line_col(range.start()).0;
        // The header ends at the last significant token before the error
        // (its `:`); at the end of the input no NEWLINE may follow it.
        if let Some(nl) = (0..i.min(self.tokens.len()))
            .rev()
            .find(|&j| {
                !matches!(
                    self.tokens[j].kind(),
                    TokenKind::Newline
                        | TokenKind::NonLogicalNewline
                        | TokenKind::Indent
                        | TokenKind::Dedent
                        | TokenKind::EndOfFile
                ) && !is_trivia(self.tokens[j].kind())
            })
            .map(|j| j + 1)
        {
            let start = (0..nl)
                .rev()
                .find(|&j| {
                    matches!(
                        self.tokens[j].kind(),
                        TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                    )
                })
                .map_or(0, |j| j + 1);
            let mut k = start;
            while k < nl && is_trivia(self.tokens[k].kind()) {
                k += 1;
            }
            let mut header = &self.tokens[k];
            // Decorators belong to the definition that follows them.
            if header.kind() == TokenKind::At {
                header = &self.tokens[nl - 1];
            }
            header_line = self.map.line_col(header.start()).0;
        }
        let what = if what == "'except' statement" {
            // `except*` clauses are named as such.
            let line_text = self.map.line_text(header_line).unwrap_or("");
            if line_text.trim_start().starts_with("except*")
                || line_text.trim_start().starts_with("except *")
            {
                "'except*' statement"
            } else {
                what
            }
        } else {
            what
        };
        (
            self.map.error(
                ErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {header_line}"),
                range,
            ),
            false,
        )
    }

    fn translate_expected(
        &self,
        expected: TokenKind,
        found: TokenKind,
        range: TextRange,
    ) -> (CompileError, bool) {
        if let Some(e) = self.tuple_augmented_target(expected, found, range) {
            return e;
        }
        match expected {
            TokenKind::Colon => {
                if let Some(e) = self.dict_key_without_colon(range) {
                    return e;
                }
                let i = self.token_index(range.start());
                if let Some(e) = self.assignment_in_condition(i) {
                    return e;
                }
                if let Some(e) = self.juxtaposition(i) {
                    return e;
                }
                if found == TokenKind::Newline || found == TokenKind::EndOfFile {
                    self.syntax("expected ':'", range)
                } else {
                    self.fallback(range)
                }
            }
            TokenKind::Else => {
                // `x if y` without `else`: reported from the start of `x`.
                let i = self.token_index(range.start());
                let if_tok = (0..i)
                    .rev()
                    .find(|&j| self.tokens[j].kind() == TokenKind::If);
                match if_tok.and_then(|j| self.prev_token(j)) {
                    Some((p, _)) => {
                        let start = self.expr_start_before(p);
                        let s = self.tokens[start].start();
                        self.syntax(
                            "expected 'else' after 'if' expression",
                            TextRange::new(s, range.start()),
                        )
                    }
                    None => self.fallback(range),
                }
            }
            TokenKind::Lpar => {
                // `def f[T]()`: type parameters are 3.12.
                if found == TokenKind::Lsqb {
                    self.syntax("expected '('", range)
                } else {
                    self.fallback(range)
                }
            }
            TokenKind::Indent => (
                self.map.error(
                    ErrorKind::IndentationError,
                    "expected an indented block",
                    range,
                ),
                false,
            ),
            _ => self.fallback(range),
        }
    }

    /// `a, b += 1`: the parser wanted another tuple item and found an
    /// augmented assignment operator outside any bracket; CPython reports
    /// the tuple as the illegal target.
    fn tuple_augmented_target(
        &self,
        expected: TokenKind,
        found: TokenKind,
        range: TextRange,
    ) -> Option<(CompileError, bool)> {
        if expected != TokenKind::Comma || found.as_augmented_assign_operator().is_none() {
            return None;
        }
        let op = self.token_index(range.start());
        if self.depth_at(op) != 0 {
            return None;
        }
        let start = (0..op)
            .rev()
            .find(|&j| {
                matches!(
                    self.tokens[j].kind(),
                    TokenKind::Newline
                        | TokenKind::Indent
                        | TokenKind::Dedent
                        | TokenKind::Semi
                        | TokenKind::Colon
                )
            })
            .map_or(0, |j| j + 1);
        let first = self.tokens[start..op]
            .iter()
            .find(|t| !is_trivia(t.kind()))?;
        let (_, last) = self.prev_token(op)?;
        Some(self.syntax(
            "'tuple' is an illegal expression for augmented assignment",
            TextRange::new(first.start(), last.end()),
        ))
    }

    fn invalid_target(&self, kind: &ParseErrorType, range: TextRange) -> (CompileError, bool) {
        use ParseErrorType as P;
        let found = self.find_expr(range);
        let Some((target, stmt)) = found else {
            return self.generic(range);
        };
        let name = expr_name(target);
        match kind {
            P::InvalidAugmentedAssignmentTarget => {
                return self.syntax(
                    format!("'{name}' is an illegal expression for augmented assignment"),
                    range,
                )
            }
            P::InvalidAnnotatedAssignmentTarget => {
                let msg = match target {
                    Expr::List(_) => "only single target (not list) can be annotated",
                    Expr::Tuple(_) => "only single target (not tuple) can be annotated",
                    _ => "illegal target for annotation",
                };
                return self.syntax(msg, range);
            }
            P::InvalidDeleteTarget => {
                return self.syntax(format!("cannot delete {name}"), range);
            }
            P::InvalidNamedAssignmentTarget => {
                return self.syntax(
                    format!("cannot use assignment expressions with {name}"),
                    range,
                )
            }
            _ => {}
        }
        if let Expr::Starred(_) = target {
            return self.syntax(
                "starred assignment target must be in a list or tuple",
                range,
            );
        }
        if let Some(Stmt::Assign(a)) = stmt {
            // An unparenthesized `yield` in a chain of targets.
            if matches!(target, Expr::Yield(_) | Expr::YieldFrom(_))
                && !self.text(range).starts_with('(')
                && !self.map.src[..range.start().to_usize()]
                    .trim_end()
                    .ends_with('(')
            {
                return self.syntax("assignment to yield expression not possible", range);
            }
            // `f() = 1`: the target right before the only `=` gets a hint.
            let before_eq = a.targets.len() == 1
                && match &a.targets[0] {
                    t if t.range() == range => true,
                    Expr::Tuple(t) if !t.parenthesized => {
                        t.elts.last().is_some_and(|e| e.range() == range)
                    }
                    _ => false,
                };
            let excluded = matches!(
                target,
                Expr::List(_)
                    | Expr::Tuple(_)
                    | Expr::Generator(_)
                    | Expr::BooleanLiteral(_)
                    | Expr::NoneLiteral(_)
                    | Expr::Compare(_)
                    | Expr::If(_)
                    | Expr::Lambda(_)
                    | Expr::BoolOp(_)
            ) || matches!(target, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not);
            if before_eq && !excluded {
                return self.syntax(
                    format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
                    range,
                );
            }
        }
        self.syntax(format!("cannot assign to {name}"), range)
    }

    fn translate_lexical(&self, lex: &LexicalErrorType, range: TextRange) -> (CompileError, bool) {
        let map = self.map;
        use LexicalErrorType as L;
        match lex {
            L::IndentationError => {
                let (line, _) = map.line_col(range.start());
                let len = map.line_text(line).unwrap_or("").chars().count() as u32;
                let mut e = map.error(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    range,
                );
                e.offset = len + 1;
                e.end_offset = -1;
                e.end_lineno = line;
                (e, false)
            }
            L::UnclosedStringError => {
                let text = self.text(TextRange::new(range.start(), map_end(map)));
                let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                let (line, _) = map.line_col(range.start());
                if body.starts_with("\"\"\"") || body.starts_with("'''") {
                    // The line the tokenizer reached: the last line (a
                    // final line break does not start another).
                    let src = map.src;
                    let end = src
                        .strip_suffix("\r\n")
                        .or_else(|| src.strip_suffix('\n'))
                        .or_else(|| src.strip_suffix('\r'))
                        .unwrap_or(src)
                        .len();
                    let last = map.line_col(TextSize::new(end as u32)).0;
                    self.syntax(
                        format!(
                            "unterminated triple-quoted string literal (detected at line {last})"
                        ),
                        TextRange::empty(range.start()),
                    )
                } else {
                    // CPython points at the opening quote only.
                    self.syntax(
                        format!("unterminated string literal (detected at line {line})"),
                        TextRange::empty(range.start()),
                    )
                }
            }
            L::FStringError(e) => self.translate_fstring(e, range),
            L::Eof => (
                map.syntax_error(
                    "unexpected EOF while parsing",
                    TextRange::empty(range.end()),
                ),
                true,
            ),
            L::LineContinuationError => {
                let after = TextRange::empty(range.start() + TextSize::new(1));
                if self.text(range).trim().is_empty() || range.end().to_usize() >= map.src.len() {
                    (
                        map.syntax_error("unexpected EOF while parsing", after),
                        true,
                    )
                } else {
                    self.syntax(
                        "unexpected character after line continuation character",
                        after,
                    )
                }
            }
            L::InvalidByteLiteral => {
                // Reported at the start of the literal.
                let i = self.token_index(range.start() + TextSize::new(1));
                let start = self.prev_token(i).map_or(range.start(), |(_, t)| t.start());
                self.syntax(
                    "bytes can only contain ASCII literal characters",
                    TextRange::empty(start),
                )
            }
            L::UnrecognizedToken { tok } => {
                if tok.is_ascii() && !tok.is_ascii_control() {
                    self.generic(range)
                } else if !crate::printable::is_printable(*tok) {
                    self.syntax(
                        format!("invalid non-printable character U+{:04X}", *tok as u32),
                        range,
                    )
                } else {
                    self.syntax(
                        format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                        range,
                    )
                }
            }
            L::UnicodeError | L::MissingUnicodeLbrace | L::MissingUnicodeRbrace => {
                self.unicode_error(lex, range)
            }
            L::OtherError(msg) => {
                if msg.contains("Invalid decimal integer literal") {
                    self.syntax(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        range,
                    )
                } else {
                    self.fallback(range)
                }
            }
            _ => self.fallback(range),
        }
    }

    /// A bad `\N{...}` escape: CPython reports the decoder's message, with
    /// byte positions in the literal's body, just past the literal.
    fn unicode_error(&self, lex: &LexicalErrorType, range: TextRange) -> (CompileError, bool) {
        let i = self.token_index(range.start() + TextSize::new(1));
        let tok = self.prev_token(i).map(|(_, t)| *t);
        let (lit_start, lit_end) =
            tok.map_or((range.start(), range.end()), |t| (t.start(), t.end()));
        let lit = self.text(TextRange::new(lit_start, lit_end));
        let prefix = lit.len()
            - lit
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let quote = if lit[prefix..].starts_with("\"\"\"") || lit[prefix..].starts_with("'''") {
            3
        } else {
            1
        };
        let body_start = lit_start.to_usize() + prefix + quote;
        // The escape runs from its backslash to its closing brace.
        let src = self.map.src;
        let esc_start = src[body_start.min(range.start().to_usize())..range.start().to_usize()]
            .rfind("\\N")
            .map_or(range.start().to_usize(), |k| {
                body_start.min(range.start().to_usize()) + k
            });
        let esc_end = src[range.start().to_usize()..lit_end.to_usize()]
            .find('}')
            .map_or(range.end().to_usize(), |k| range.start().to_usize() + k + 1);
        let from = esc_start.saturating_sub(body_start);
        let to = esc_end.saturating_sub(body_start + 1);
        let what = match lex {
            LexicalErrorType::UnicodeError => "unknown Unicode character name",
            _ => "malformed \\N character escape",
        };
        self.syntax(
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{to}: {what}"
            ),
            TextRange::empty(lit_end),
        )
    }

    fn translate_fstring(
        &self,
        e: &InterpolatedStringErrorType,
        range: TextRange,
    ) -> (CompileError, bool) {
        use InterpolatedStringErrorType as F;
        let msg = match e {
            F::UnclosedLbrace => "f-string: expecting '}'",
            F::SingleRbrace => "f-string: single '}' is not allowed",
            F::InvalidConversionFlag => {
                "f-string: invalid conversion character: expected 's', 'r', or 'a'"
            }
            F::UnterminatedString => "f-string: unterminated string",
            F::UnterminatedTripleQuotedString => "f-string: unterminated triple-quoted string",
            F::LambdaWithoutParentheses => "f-string: invalid syntax",
            _ => "f-string: invalid syntax",
        };
        // CPython 3.11 reports f-string errors just past the f-string.
        let i = self.token_index(range.start());
        let end = self.tokens[i.min(self.tokens.len())..]
            .iter()
            .find(|t| t.kind() == TokenKind::FStringEnd)
            .map_or(range.end(), |t| t.end());
        self.syntax(msg, TextRange::empty(end))
    }

    fn translate_unsupported(&self, err: &UnsupportedSyntaxError) -> (CompileError, bool) {
        use UnsupportedSyntaxErrorKind as U;
        let range = err.range;
        match err.kind {
            // `FStringKind` is not exported by the parser: tell its variants
            // apart by name.
            U::Pep701FString(kind) => {
                let i = self.token_index(range.start());
                let end = self.tokens[i.min(self.tokens.len())..]
                    .iter()
                    .find(|t| t.kind() == TokenKind::FStringEnd)
                    .map_or(range.end(), |t| t.end());
                let at = TextRange::empty(end);
                match format!("{kind:?}").as_str() {
                    "Backslash" => {
                        self.syntax("f-string expression part cannot include a backslash", at)
                    }
                    "Comment" => self.syntax("f-string expression part cannot include '#'", at),
                    _ => self.syntax("f-string: expecting '}'", at),
                }
            }
            U::UnpackingInComprehension(kind) => {
                if format!("{kind:?}") == "DictInDict" {
                    self.syntax("dict unpacking cannot be used in dict comprehension", range)
                } else {
                    self.syntax("iterable unpacking cannot be used in comprehension", range)
                }
            }
            U::TypeParameterList => self.syntax("expected '('", TextRange::empty(range.start())),
            U::TypeAliasStatement => {
                // `type X = int`: CPython fails at the name after `type`.
                let i = self.token_index(range.start());
                let at = self.token(i + 1).map_or(range, |t| t.range());
                self.generic(at)
            }
            _ => self.fallback(TextRange::empty(range.start())),
        }
    }
}

fn map_end(map: &SourceMap<'_>) -> TextSize {
    TextSize::new(map.src.len() as u32)
}
