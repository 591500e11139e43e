"""Runs make_aging_reference.py with the fine mesh (60 volumes per domain, 40 per particle)."""
import os, sys
import pybamm
peer = sys.argv[1]
sys.path.insert(0, peer)
original = pybamm.Simulation.__init__
def fine(self, *args, **kwargs):
    kwargs["var_pts"] = {"x_n": 60, "x_s": 60, "x_p": 60, "r_n": 40, "r_p": 40}
    original(self, *args, **kwargs)
pybamm.Simulation.__init__ = fine
import runpy
sys.argv = [os.path.join(peer, "make_aging_reference.py"), sys.argv[2]]
runpy.run_path(sys.argv[0], run_name="__main__")
