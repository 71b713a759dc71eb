import gc
import sys

from .cli import main

code = main()
# Everything is written and closed. Freezing the heap spares the interpreter's final
# collections a walk over every object pandas, Arrow and NLTK created (about 0.1 s at exit).
gc.freeze()
sys.exit(code)
