"""`mlwiki help`: the reference that ships with the package (the card syntax), and any command's help."""

from __future__ import annotations

import sys

import click

# Topics: name -> (file in the package, what it is). syntax.md is docs/syntax.md, copied into the wheel.
TOPICS = {"syntax": ("syntax.md", "every way to write a card in your notes, with examples")}


def topic_text(name: str) -> str:
    """The text of a help topic, read from the installed package."""
    from importlib.resources import files

    return files("mlwiki").joinpath(TOPICS[name][0]).read_text(encoding="utf-8")


@click.command("help")
@click.argument("topic", required=False, metavar="[TOPIC|COMMAND]")
@click.pass_context
def help_(ctx: click.Context, topic: str | None) -> None:
    """Show a reference: `mlwiki help syntax` prints how to write cards (docs/syntax.md); `mlwiki help COMMAND`
    is `mlwiki COMMAND --help`. Without TOPIC, lists the topics."""
    root = ctx.find_root()
    if topic is None:
        click.echo("Topics:")
        for name, (_, what) in TOPICS.items():
            click.echo(f"  {name:<10} {what}")
        click.echo("Commands: mlwiki help COMMAND (the same as mlwiki COMMAND --help)")
        return
    if topic in TOPICS:
        text = topic_text(topic)
        if sys.stdout.isatty():
            click.echo_via_pager(text)
        else:
            click.echo(text, nl=False)
        return
    command = root.command.get_command(root, topic) if isinstance(root.command, click.Group) else None
    if command is None:
        known = ", ".join(list(TOPICS) + sorted(root.command.list_commands(root)))
        raise click.UsageError(f"no help topic or command {topic!r}; try one of: {known}")
    with click.Context(command, info_name=topic, parent=root) as sub:
        click.echo(command.get_help(sub))


COMMANDS = [help_]
