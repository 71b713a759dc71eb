import gc
import sys

if sys.argv[1:2] == ["analyze"]:
    # This process only orchestrates: NLTK without its SciPy/sklearn parts. Only here, in the
    # command's own process, never in cli.main() called from a user's session, whose `nltk`
    # must stay the whole package (dir, help, star-imports).
    from . import resources

    resources.import_nltk_lean()

from .cli import main  # noqa: E402

code = main()
# Everything is written and closed. Freezing the heap spares the interpreter's final
# collections a walk over every object pandas, Arrow and NLTK created (about 0.1 s at exit).
gc.freeze()
sys.exit(code)
